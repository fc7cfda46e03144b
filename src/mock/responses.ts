/**
 * Builders of the simulator's answers in the awsJson1_0 wire form (service-facts §4): a JSON body with
 * `__type` and the members, the modelled status, `Content-Type: application/x-amz-json-1.0`, a true
 * `Date` header (a frozen one makes the SDK correct its clock and retry) and a request id.
 */
import { randomUUID } from 'node:crypto'
import { encodeErrorName, type ErrorEncoding, type MessageKey } from '../model/error-encodings.js'
import { FRONT_DOOR_NAMESPACE, FRONT_DOOR_URI } from '../model/front-door-errors.js'
import { SERVICE } from '../model/operation.js'
import type { WireResponse } from './wire.js'

let dateSecond = 0
let dateText = ''

// A true Date header, formatted at most once a second (as Node's own HTTP server does).
function httpDate(): string {
  const now = Date.now()
  const second = Math.floor(now / 1000)
  if (second !== dateSecond) {
    dateSecond = second
    dateText = new Date(now).toUTCString()
  }
  return dateText
}

/** Headers every answer carries. */
function baseHeaders(contentType: string = SERVICE.contentType): Record<string, string> {
  return { 'Content-Type': contentType, Date: httpDate(), 'x-amzn-RequestId': randomUUID() }
}

/**
 * A success answer.
 * @param body The output members.
 * @returns The response.
 */
export function jsonResponse(body: unknown): WireResponse {
  return { status: 200, headers: baseHeaders(), body: JSON.stringify(body) }
}

/** How an error is written. */
export interface ErrorWire {
  readonly encoding?: ErrorEncoding
  readonly messageKey?: MessageKey
  readonly retryAfter?: string
}

/**
 * An error answer.
 * @param name The error name (modelled or not).
 * @param status The HTTP status.
 * @param members Members besides the message.
 * @param message The message.
 * @param wire Encoding of the name, spelling of the message key, Retry-After.
 * @returns The response.
 */
export function errorResponse(
  name: string,
  status: number,
  message: string,
  members: Readonly<Record<string, unknown>> = {},
  wire: ErrorWire = {},
): WireResponse {
  const encoded = encodeErrorName(name, wire.encoding ?? 'type-and-header')
  const body = { ...encoded.body, [wire.messageKey ?? 'Message']: message, ...members }
  const headers = {
    ...baseHeaders(),
    ...encoded.headers,
    ...(wire.retryAfter === undefined ? {} : { 'Retry-After': wire.retryAfter }),
  }
  return { status, headers, body: JSON.stringify(body) }
}

/**
 * An error of the service's front door (not in the model): unknown operation, serialization,
 * signature, credentials, and the common errors. Written as the JSON front door writes it: the Coral
 * namespace in `__type`, the same name in `X-Amzn-Errortype`, and the message in `message`.
 * @param name e.g. `SerializationException`.
 * @param status The HTTP status.
 * @param message The message.
 * @returns The response.
 */
export function frameworkError(name: string, status: number, message: string): WireResponse {
  return {
    status,
    headers: {
      ...baseHeaders(),
      'X-Amzn-Errortype': `${name}:${FRONT_DOOR_URI}`,
    },
    body: JSON.stringify({ __type: `${FRONT_DOOR_NAMESPACE}#${name}`, message }),
  }
}

/**
 * A bare HTTP answer as a proxy sends it: an HTML page, an empty body or `{}`.
 * @param status The status.
 * @param body The kind of body.
 * @param retryAfter A Retry-After header.
 * @returns The response.
 */
const REASON_PHRASES: Readonly<Record<number, string>> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

export function proxyResponse(
  status: number,
  body: 'html' | 'empty' | 'json' = 'html',
  retryAfter?: string,
): WireResponse {
  const headers = {
    ...baseHeaders(
      body === 'html' ? 'text/html' : body === 'json' ? SERVICE.contentType : 'text/plain',
    ),
    ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }),
  }
  const text =
    body === 'html'
      ? `<html>\r\n<head><title>${status} ${REASON_PHRASES[status] ?? 'Error'}</title></head>\r\n<body>\r\n<center><h1>${status} ${REASON_PHRASES[status] ?? 'Error'}</h1></center>\r\n</body>\r\n</html>\r\n`
      : body === 'json'
        ? '{}'
        : ''
  return { status, headers, body: text }
}
