/**
 * SigV4 checks of an incoming request, as the service's front door does them: a missing or malformed
 * `Authorization` header, a credential scope for another service or region, and, when a secret is
 * configured, the signature itself (recomputed with `@smithy/signature-v4`, the AWS SDK's own signer).
 */
import { createHash, createHmac } from 'node:crypto'

// What Hash and Hmac share (naming the Hmac class itself is deprecated).
interface Digest {
  update(data: string | Uint8Array): unknown
  digest(): Buffer
}
import { SignatureV4 } from '@smithy/signature-v4'
import { SERVICE } from '../model/operation.js'
import type { WireRequest } from './wire.js'
import { credentialError, type Credential, type CredentialStatus } from './credentials.js'
import {
  FRONT_DOOR_ERRORS,
  SIGNATURE_TIME_WINDOW_MS,
  type FrontDoorErrorName,
} from '../model/front-door-errors.js'

/** Where the signature comes from and what it must match. */
export interface SignatureOptions {
  /** The region the credential scope must name. @defaultValue 'us-east-1' */
  readonly region?: string
  /** With a secret, signatures are verified for real; without, only their form is checked. */
  readonly secretAccessKey?: string
  /** With a secret: the only access key accepted. @defaultValue any */
  readonly accessKeyId?: string
  /**
   * The keys the front door knows, each with its secret and status. When given, a key not listed is
   * unknown (`UnrecognizedClientException`), and `secretAccessKey` / `accessKeyId` are not used.
   */
  readonly credentials?: readonly Credential[]
  /**
   * How far the server's clock is ahead of the real one (negative: behind), in ms. With a skew, the
   * signing time is checked even without a secret.
   * @defaultValue 0
   */
  readonly clockSkewMs?: number
  /**
   * How far `X-Amz-Date` may be from the server's clock before the signature has expired (AWS allows
   * 15 minutes either way). Without a secret, credentials or a skew, no date is checked, so recorded
   * requests replay.
   * @defaultValue 900000
   */
  readonly maxClockSkewMs?: number
  /** The real clock, for tests. @defaultValue Date.now */
  readonly now?: () => number
}

/** Which front-door check refused a request: the signature's form or value, the signing time against the server's clock, or the key's status. */
export type SignatureRejection = 'signature' | 'clock' | 'credentials'

/** The result of {@link checkSignature}. */
export type SignatureCheck =
  | { readonly ok: true; readonly accessKeyId: string }
  | {
      readonly ok: false
      readonly name: FrontDoorErrorName
      readonly message: string
      /** The status the JSON front door answers with. */
      readonly status: number
      readonly rejectedFor: SignatureRejection
    }

const AUTH =
  /^AWS4-HMAC-SHA256 +Credential=([^,\s]+), *SignedHeaders=([^,\s]+), *Signature=([0-9a-f]{64})$/
const AMZ_DATE = /^(\d{8})T\d{6}Z$/

type SourceData = string | ArrayBuffer | ArrayBufferView

function toBytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

class NodeSha256 {
  private hash: Digest
  private readonly secret: string | Uint8Array | undefined
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBytes(secret)
    this.hash = this.fresh()
  }
  private fresh(): Digest {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret)
  }
  update(data: SourceData): void {
    this.hash.update(toBytes(data))
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()))
  }
  reset(): void {
    this.hash = this.fresh()
  }
}

// `20261126T101112Z` as epoch milliseconds (the form was checked by AMZ_DATE).
function amzDateMs(stamp: string): number {
  return Date.UTC(
    Number(stamp.slice(0, 4)),
    Number(stamp.slice(4, 6)) - 1,
    Number(stamp.slice(6, 8)),
    Number(stamp.slice(9, 11)),
    Number(stamp.slice(11, 13)),
    Number(stamp.slice(13, 15)),
  )
}

// Epoch milliseconds in the `X-Amz-Date` form.
function compactDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/**
 * Parses a SigV4 `Authorization` header the way the front door does: the one parser of the toolkit
 * (the simulator's signature check and the wire rule both use it).
 * @param header The header's value.
 * @returns The regular expression match (credential, signed headers, signature), or null when it is not SigV4.
 */
export function parseAuthorization(header: string): RegExpExecArray | null {
  return AUTH.exec(header.trim())
}

function denied(
  name: FrontDoorErrorName,
  message: string,
  rejectedFor: SignatureRejection = 'signature',
): SignatureCheck {
  return { ok: false, name, message, status: FRONT_DOOR_ERRORS[name].httpStatus, rejectedFor }
}

/** Statuses refused only once the signature is verified: the key is genuine, but may not call the operation. */
const AFTER_VERIFICATION = new Set<CredentialStatus>(['denied', 'not-opted-in'])

/** The answer to a key of this status at this stage, or undefined. */
function credentialDenial(
  status: CredentialStatus | undefined,
  verified: boolean,
): SignatureCheck | undefined {
  if (status === undefined || AFTER_VERIFICATION.has(status) !== verified) return undefined
  const name = credentialError(status)
  return name === undefined
    ? undefined
    : denied(name, FRONT_DOOR_ERRORS[name].message, 'credentials')
}

/**
 * Checks the SigV4 signature of a request, the credentials it names, and its signing time against the
 * server's clock, in the front door's order: the form, the time, the key (unknown, expired, session
 * token), the signature itself, then the key's permission.
 * @param request The request (header names lowercase).
 * @param options Region, clock skew and, to verify for real, the secret or the known credentials.
 * @returns The caller's access key, or the error AWS would answer (a promise only when verifying).
 */
export function checkSignature(
  request: WireRequest,
  options: SignatureOptions = {},
): SignatureCheck | Promise<SignatureCheck> {
  const header = request.headers.authorization
  if (header === undefined || header === '')
    return denied('MissingAuthenticationTokenException', 'Missing Authentication Token')
  const match = parseAuthorization(header)
  if (match === null) {
    return denied(
      'IncompleteSignatureException',
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters with AWS4-HMAC-SHA256.",
    )
  }
  // Indexed reads, not destructuring: this runs on every request.
  const credential = match[1] ?? ''
  const signedHeaders = match[2] ?? ''
  const signature = match[3] ?? ''
  const scope = credential.split('/')
  const accessKeyId = scope[0] ?? ''
  const date = scope[1] ?? ''
  const region = scope[2] ?? ''
  const service = scope[3] ?? ''
  const terminator = scope[4] ?? ''
  const amzDate = request.headers['x-amz-date'] ?? ''
  const dated = AMZ_DATE.exec(amzDate)
  if (scope.length !== 5 || terminator !== 'aws4_request' || accessKeyId === '') {
    return denied(
      'IncompleteSignatureException',
      `Credential must have the form <key>/<date>/<region>/<service>/aws4_request, got ${credential}.`,
    )
  }
  if (dated === null)
    return denied(
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    )
  if (dated[1] !== date)
    return denied(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${dated[1] ?? ''}'.`,
    )
  if (service !== SERVICE.signingName)
    return denied(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${SERVICE.signingName}'.`,
    )
  const wantRegion = options.region ?? SERVICE.region
  if (region !== wantRegion)
    return denied(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${region}'.`,
    )
  const signed = signedHeaders.split(';')
  if (!signed.includes('host'))
    return denied('InvalidSignatureException', "'Host' must be a signed header.")
  const skewMs = options.clockSkewMs ?? 0
  const known = options.credentials
  // The key's entry, looked up once: its secret verifies the signature, its status decides the rest.
  const entry = known?.find((candidate) => candidate.accessKeyId === accessKeyId)
  const secret = known === undefined ? options.secretAccessKey : entry?.secretAccessKey
  if (secret !== undefined || known !== undefined || skewMs !== 0) {
    const signedAt = amzDateMs(amzDate)
    const now = (options.now ?? Date.now)() + skewMs
    const window = options.maxClockSkewMs ?? SIGNATURE_TIME_WINDOW_MS
    if (Math.abs(now - signedAt) > window) {
      const bound = compactDate(signedAt < now ? now - window : now + window)
      return denied(
        'InvalidSignatureException',
        signedAt < now
          ? `Signature expired: ${amzDate} is now earlier than ${bound} (${compactDate(now)} - ${String(window / 60_000)} min.)`
          : `Signature not yet current: ${amzDate} is still later than ${bound} (${compactDate(now)} + ${String(window / 60_000)} min.)`,
        'clock',
      )
    }
  }
  let status: CredentialStatus | undefined
  if (known !== undefined) {
    status = entry === undefined ? 'unknown' : (entry.status ?? 'valid')
    const refused = credentialDenial(status, false)
    if (refused !== undefined) return refused
    if (
      entry?.sessionToken !== undefined &&
      request.headers['x-amz-security-token'] !== entry.sessionToken
    )
      return denied(
        'UnrecognizedClientException',
        FRONT_DOOR_ERRORS.UnrecognizedClientException.message,
        'credentials',
      )
  } else if (
    options.secretAccessKey !== undefined &&
    options.accessKeyId !== undefined &&
    options.accessKeyId !== accessKeyId
  ) {
    return denied(
      'UnrecognizedClientException',
      FRONT_DOOR_ERRORS.UnrecognizedClientException.message,
      'credentials',
    )
  }
  const allowed = (): SignatureCheck => credentialDenial(status, true) ?? { ok: true, accessKeyId }
  if (secret === undefined) return allowed()
  return computeSignature(request, {
    accessKeyId,
    secretAccessKey: secret,
    region,
    signed,
    amzDate,
  }).then((expected) =>
    expected === signature
      ? allowed()
      : denied('InvalidSignatureException', FRONT_DOOR_ERRORS.InvalidSignatureException.message),
  )
}

async function computeSignature(
  request: WireRequest,
  input: {
    accessKeyId: string
    secretAccessKey: string
    region: string
    signed: readonly string[]
    amzDate: string
  },
): Promise<string> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey },
    region: input.region,
    service: SERVICE.signingName,
    sha256: NodeSha256,
    // Sign exactly the headers the client signed: no X-Amz-Content-Sha256 of our own.
    applyChecksum: false,
  })
  const headers: Record<string, string> = {}
  for (const name of input.signed) headers[name] = request.headers[name] ?? ''
  const [path = '/', query = ''] = (request.signedPath ?? request.path).split('?')
  const [hostname = 'localhost', port] = (request.headers.host ?? 'localhost').split(':')
  const signingDate = new Date(amzDateMs(input.amzDate))
  const signedRequest = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname,
      ...(port === undefined ? {} : { port: Number(port) }),
      path,
      query: Object.fromEntries(new URLSearchParams(query)),
      headers,
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(input.signed) },
  )
  const authorization =
    signedRequest.headers.authorization ?? signedRequest.headers.Authorization ?? ''
  return /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? ''
}
