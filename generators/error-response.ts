import fc from 'fast-check'
import {
  ACCESS_DENIED_REASONS,
  VALIDATION_EXCEPTION_ERROR_CODES,
  VALIDATION_EXCEPTION_REASONS,
} from '../src/model/enums.js'
import { ERROR_NAMES, isErrorName, type ErrorName } from '../src/model/errors.js'
import {
  encodeErrorName,
  ERROR_ENCODING_NAMES,
  type ErrorEncoding,
  type MessageKey,
} from '../src/model/error-encodings.js'
import { resolveRevision } from '../src/model/revisions.js'
import { SERVICE } from '../src/model/operation.js'

/** An error as it travels: status, headers and a JSON body. */
export interface WireError {
  /** The error's name, as a client must report it. */
  readonly name: string
  readonly status: number
  /** `Content-Type` plus, for header encodings, `X-Amzn-Errortype`. */
  readonly headers: Readonly<Record<string, string>>
  /** The JSON body: the members plus `__type` or `code` unless the name is in a header. */
  readonly body: Readonly<Record<string, unknown>>
  readonly encoding: ErrorEncoding
  readonly messageKey: MessageKey
}

/** Constraints of {@link errorResponse}. */
export interface ErrorResponseConstraints {
  /**
   * Only this error; any string is allowed (an unknown name is sent with status 400 unless `status` says).
   * @defaultValue one of the seven
   */
  readonly name?: string
  /**
   * Only this encoding of the name.
   * @defaultValue any of the 11
   */
  readonly encoding?: ErrorEncoding
  /**
   * The HTTP status, for unknown names.
   * @defaultValue the revision's status of the error, 400 for unknown names
   */
  readonly status?: number
  /**
   * The revision (HTTP statuses differ).
   * @defaultValue '2025-12'
   */
  readonly revision?: string
}

function members(name: string): fc.Arbitrary<Record<string, unknown>> {
  const message = fc.string({ minLength: 1, maxLength: 80 })
  if (name === 'ValidationException') {
    return fc.record(
      {
        Message: message,
        Reason: fc.constantFrom(...VALIDATION_EXCEPTION_REASONS),
        ErrorList: fc.array(
          fc.record(
            {
              FieldName: fc.constantFrom('Catalog', 'ClientToken', 'Identifier', 'Tags[0].Key'),
              Message: message,
              Code: fc.constantFrom(...VALIDATION_EXCEPTION_ERROR_CODES),
            },
            { requiredKeys: ['Message', 'Code'] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: ['Message', 'Reason'] },
    )
  }
  if (name === 'AccessDeniedException') {
    return fc.record(
      { Message: message, Reason: fc.constantFrom(...ACCESS_DENIED_REASONS) },
      { requiredKeys: ['Message'] },
    )
  }
  return fc.record({ Message: message })
}

/**
 * Errors as the service (or a proxy in front of it) may send them: each of the seven with valid members,
 * in each wire encoding of its name, with `Message` or `message`.
 * @param constraints The error, the encoding, the revision.
 * @returns The arbitrary.
 */
export function errorResponse(constraints: ErrorResponseConstraints = {}): fc.Arbitrary<WireError> {
  const revision = resolveRevision(constraints.revision)
  const name: fc.Arbitrary<string> =
    constraints.name === undefined
      ? fc.constantFrom<ErrorName>(...ERROR_NAMES)
      : fc.constant(constraints.name)
  const encoding =
    constraints.encoding === undefined
      ? fc.constantFrom(...ERROR_ENCODING_NAMES)
      : fc.constant(constraints.encoding)
  return fc
    .tuple(name, encoding, fc.constantFrom<MessageKey>('Message', 'Message', 'message'))
    .chain(([errorName, enc, messageKey]) =>
      members(errorName).map((body): WireError => {
        const encoded = encodeErrorName(errorName, enc)
        const renamed: Record<string, unknown> = {}
        for (const [key, value] of Object.entries(body))
          renamed[key === 'Message' ? messageKey : key] = value
        const status =
          constraints.status ?? (isErrorName(errorName) ? revision.errorHttpStatus[errorName] : 400)
        return {
          name: errorName,
          status,
          headers: { 'Content-Type': SERVICE.contentType, ...encoded.headers },
          body: { ...encoded.body, ...renamed },
          encoding: enc,
          messageKey,
        }
      }),
    )
}
