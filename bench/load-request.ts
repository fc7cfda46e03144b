/**
 * The request the loopback and front-door benchmarks send: a signed-looking (form-valid) Start request,
 * the same headers every time, and 100 bodies that differ only by ClientToken (idempotent replay).
 */

/** The request headers (the signature has the right form; no secret is configured, so it is not verified). */
export const BENCH_HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask',
  'x-amz-date': '20261126T101112Z',
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
}

/**
 * The request bodies.
 * @param tokenPrefix Prefix of the 100 ClientTokens.
 * @returns 100 JSON bodies.
 */
export function benchBodies(tokenPrefix: string): string[] {
  return Array.from({ length: 100 }, (_, i) =>
    JSON.stringify({
      Catalog: 'Sandbox',
      Identifier: 'engi-0123456789abc',
      ClientToken: `${tokenPrefix}${i}`,
    }),
  )
}
