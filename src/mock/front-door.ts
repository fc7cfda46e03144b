/**
 * The front door: the checks every request meets before an operation sees it, in the service's order.
 * The request line and size, the signature (its form, the signing time against the server's clock,
 * the credentials and their status), the target, the content type and the body. What it refuses is
 * answered as the JSON front door answers it (`com.amazon.coral.service#…`).
 */
import { OPERATIONS, SERVICE, type OperationName } from '../model/operation.js'
import { parseJson } from '../internal/parse-json.js'
import {
  checkSignature,
  type SignatureCheck,
  type SignatureOptions,
  type SignatureRejection,
} from './check-signature.js'
import { frameworkError } from './responses.js'
import type { WireRequest, WireResponse } from './wire.js'

/** Why the front door refused a request: the request itself (line, size, target, body), or a check of {@link checkSignature}. */
export type FrontDoorRejection = 'request' | SignatureRejection

/** The front door's verdict on a request. */
export type FrontDoorVerdict =
  | {
      readonly ok: true
      readonly operation: OperationName
      /** The body, a JSON object. */
      readonly input: Record<string, unknown>
      /** The caller's access key. */
      readonly caller: string
    }
  | {
      readonly ok: false
      readonly response: WireResponse
      readonly rejectedFor: FrontDoorRejection
    }

const TARGET_PREFIX = `${SERVICE.targetPrefix}.`
const TARGETS = new Map<string, OperationName>(
  OPERATIONS.map((name) => [`${TARGET_PREFIX}${name}`, name]),
)

const refuse = (response: WireResponse): FrontDoorVerdict => ({
  ok: false,
  response,
  rejectedFor: 'request',
})

/**
 * The operation a request's `X-Amz-Target` names, if any (read ahead of the checks, so that a
 * script step of the operation can act at the front door).
 * @param request The request.
 * @returns The operation, or undefined for a missing or unknown target.
 */
export function operationOf(request: WireRequest): OperationName | undefined {
  return TARGETS.get(request.headers['x-amz-target'] ?? '')
}

/**
 * The first check: the request line and the body's size.
 * @param request The request.
 * @param maxBodyBytes The largest body accepted.
 * @returns The answer to a request refused here, or undefined.
 */
export function checkRequestLine(
  request: WireRequest,
  maxBodyBytes: number,
): WireResponse | undefined {
  const path = request.path
  if (request.method !== 'POST' || (path !== '/' && !path.startsWith('/?')))
    return frameworkError(
      'UnknownOperationException',
      400,
      `Only POST / is served here, got ${request.method} ${request.path}.`,
    )
  if (request.body.byteLength > maxBodyBytes)
    return frameworkError(
      'SerializationException',
      413,
      `The request body is ${String(request.body.byteLength)} bytes; the limit is ${String(maxBodyBytes)}.`,
    )
  return undefined
}

/**
 * The rest of the front door, after the request line: the signature and credentials, the target, the
 * content type and the body.
 * @param request The request.
 * @param signature The signature, credential and clock options.
 * @param text The body, already decoded, when the caller knows it is valid UTF-8.
 * @returns The operation, its input and the caller, or the answer to a refused request.
 */
export function passFrontDoor(
  request: WireRequest,
  signature: SignatureOptions,
  text?: string,
): FrontDoorVerdict | Promise<FrontDoorVerdict> {
  const checked = checkSignature(request, signature)
  // Verifying a signature is asynchronous; the form checks alone are not (the fast path stays synchronous).
  return checked instanceof Promise
    ? checked.then((auth) => afterSignature(request, auth, text))
    : afterSignature(request, checked, text)
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

function afterSignature(
  request: WireRequest,
  auth: SignatureCheck,
  decoded: string | undefined,
): FrontDoorVerdict {
  if (!auth.ok)
    return {
      ok: false,
      response: frameworkError(auth.name, auth.status, auth.message),
      rejectedFor: auth.rejectedFor,
    }
  const target = request.headers['x-amz-target'] ?? ''
  const operation = TARGETS.get(target)
  if (operation === undefined)
    return refuse(
      frameworkError(
        'UnknownOperationException',
        400,
        target === ''
          ? 'Missing X-Amz-Target header.'
          : `Unknown operation ${JSON.stringify(target)}.`,
      ),
    )
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (contentType !== SERVICE.contentType)
    return refuse(
      frameworkError(
        'SerializationException',
        400,
        `Expected Content-Type ${SERVICE.contentType}, got ${JSON.stringify(request.headers['content-type'] ?? '')}.`,
      ),
    )
  let text: string
  try {
    // As TextDecoder does, a leading byte order mark is not part of the text.
    text =
      decoded === undefined
        ? UTF8.decode(request.body)
        : decoded.charCodeAt(0) === 0xfeff
          ? decoded.slice(1)
          : decoded
  } catch {
    return refuse(
      frameworkError('SerializationException', 400, 'The request body is not valid UTF-8.'),
    )
  }
  const parsed = parseJson(text === '' ? '{}' : text)
  if (!parsed.ok)
    return refuse(
      frameworkError(
        'SerializationException',
        400,
        `The request body is not JSON: line ${String(parsed.line)}, column ${String(parsed.column)}: ${parsed.reason}.`,
      ),
    )
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value))
    return refuse(
      frameworkError(
        'SerializationException',
        400,
        'Start of structure or map found where not expected: the body must be a JSON object.',
      ),
    )
  return {
    ok: true,
    operation,
    input: parsed.value as Record<string, unknown>,
    caller: auth.accessKeyId,
  }
}
