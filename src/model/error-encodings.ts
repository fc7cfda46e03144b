/**
 * The wire encodings of an awsJson1_0 error's name (service-facts §4): the 11 forms of the Smithy
 * awsJson1_0 protocol compliance suite, plus the bare `Name:uri` form of §4's example. Where the name
 * goes (body `__type`, body `code`, or the `X-Amzn-Errortype` header) and in which form. A client
 * must read every one of them alike.
 */
import { SERVICE } from './operation.js'

/** A URI suffix as Coral services append it. */
const CORAL_URI_SUFFIX = 'http://internal.amazon.com/coral/com.amazon.coral.validate/'

/** Where and how an error's name is written. */
export const ERROR_ENCODINGS = {
  'type-and-header': { place: '__type', form: 'agreed' },
  'type-full': { place: '__type', form: 'namespace' },
  'type-bare': { place: '__type', form: 'bare' },
  'type-other-namespace': { place: '__type', form: 'other-namespace' },
  'type-uri': { place: '__type', form: 'uri' },
  'type-full-uri': { place: '__type', form: 'namespace-uri' },
  'type-nested': { place: '__type', form: 'nested' },
  'header-bare': { place: 'header', form: 'bare' },
  'header-uri': { place: 'header', form: 'uri' },
  'header-full-uri': { place: 'header', form: 'namespace-uri' },
  'code-bare': { place: 'code', form: 'bare' },
  'code-full': { place: 'code', form: 'namespace' },
  'code-full-uri': { place: 'code', form: 'namespace-uri' },
} as const

/** The name of an error encoding. */
export type ErrorEncoding = keyof typeof ERROR_ENCODINGS

/** Every error encoding; `type-and-header` (the simulator's default) is the one every official SDK reads alike. */
export const ERROR_ENCODING_NAMES: readonly ErrorEncoding[] = Object.keys(
  ERROR_ENCODINGS,
) as ErrorEncoding[]

/** How the message member is spelled: both occur, a client must read both. */
export type MessageKey = 'Message' | 'message'

/**
 * The member that the `type-nested` form adds: other shapes of another namespace with a `__type` of
 * their own, which a client must not take for the error's name (the compliance suite's
 * `AwsJson10FooErrorWithNestedTypeProperty`). No error shape of this service has it, so
 * `canonicalErrorBody` drops it before the contract is checked.
 */
export const NESTED_TYPE_MEMBER = 'ErrorDetails'

/** The value of {@link NESTED_TYPE_MEMBER} in the `type-nested` form. */
const NESTED_TYPE_DETAILS = [
  { __type: 'com.amazon.internal#ErrorDetails', reason: 'Some reason' },
] as const

/** Where an encoded name goes. */
export interface EncodedErrorName {
  /** Members to add to the body (`__type` or `code`, and `ErrorDetails` for `type-nested`), possibly none. */
  readonly body: Readonly<Record<string, unknown>>
  /** Headers to send, possibly none. */
  readonly headers: Readonly<Record<string, string>>
}

/**
 * Encodes an error name for the wire.
 * @param name The error name, e.g. `ThrottlingException` (any string, for unknown errors too).
 * @param encoding Where and in which form.
 * @returns The body members and headers that carry the name.
 */
export function encodeErrorName(name: string, encoding: ErrorEncoding): EncodedErrorName {
  const { place, form } = ERROR_ENCODINGS[encoding]
  if (form === 'agreed') {
    // The form every official SDK reads alike (sdk-facts): the body's __type with the namespace, and
    // the header with the bare name and a URI (Java cuts the header at ':' only).
    return {
      body: { __type: `${SERVICE.namespace}#${name}` },
      headers: { 'X-Amzn-Errortype': `${name}:${CORAL_URI_SUFFIX}` },
    }
  }
  if (form === 'nested') {
    return {
      body: { __type: `${SERVICE.namespace}#${name}`, [NESTED_TYPE_MEMBER]: NESTED_TYPE_DETAILS },
      headers: {},
    }
  }
  const text =
    form === 'bare'
      ? name
      : form === 'namespace'
        ? `${SERVICE.namespace}#${name}`
        : form === 'other-namespace'
          ? `aws.protocoltests.restjson#${name}`
          : form === 'uri'
            ? `${name}:${CORAL_URI_SUFFIX}`
            : `${SERVICE.namespace}#${name}:${CORAL_URI_SUFFIX}`
  if (place === 'header') return { body: {}, headers: { 'X-Amzn-Errortype': text } }
  return { body: { [place]: text }, headers: {} }
}
