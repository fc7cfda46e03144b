import type { WireRequest } from '../../src/mock/wire.js'

/**
 * A request with a well-formed (unverified) SigV4 header, as the simulator's form checks want it.
 * @param operation The operation of `X-Amz-Target`.
 * @param body The JSON body (an object is serialised).
 * @param accessKeyId The caller.
 * @returns The request.
 */
export function wireRequest(
  operation: string,
  body: unknown,
  accessKeyId = 'AKIDEXAMPLE',
): WireRequest {
  return {
    method: 'POST',
    path: '/',
    headers: {
      host: '127.0.0.1',
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AWSPartnerCentralSelling.${operation}`,
      'x-amz-date': '20261126T101112Z',
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261126/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
    },
    body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
  }
}
