/**
 * Validation of error bodies: finds which of the seven errors a body is, then checks its members.
 */
import { ERROR_NAMES, isErrorName, type ErrorName } from '../model/errors.js'
import { findErrorName } from '../model/error-name.js'
import { NESTED_TYPE_MEMBER } from '../model/error-encodings.js'
import type { ValidationResult } from './issue.js'
import { validateContract, type ValidateOptions } from './validate-contract.js'

/** Options of {@link validateErrorBody}. */
export interface ValidateErrorBodyOptions extends ValidateOptions {
  /**
   * The error the body should be; otherwise it is read from `__type`, `code` or `errorTypeHeader`.
   * @defaultValue undefined
   */
  readonly name?: string
  /**
   * The `X-Amzn-Errortype` header that came with the body.
   * @defaultValue undefined
   */
  readonly errorTypeHeader?: string | undefined
}

/** The result of {@link validateErrorBody}: the error it was checked as, when known. */
export interface ErrorBodyValidationResult extends ValidationResult {
  readonly name?: ErrorName
}

/**
 * Checks an error body against the contract of its error.
 * @param body Untrusted value, e.g. a parsed error response body.
 * @param options The revision, and the error name when the body does not carry it.
 * @returns The issues; an unknown or missing error name is an issue on `__type`.
 */
export function validateErrorBody(
  body: unknown,
  options: ValidateErrorBodyOptions = {},
): ErrorBodyValidationResult {
  const name = options.name ?? findErrorName(body, options.errorTypeHeader)
  if (name === undefined || !isErrorName(name)) {
    const shown =
      name === undefined
        ? 'no error name (no __type, code or X-Amzn-Errortype)'
        : JSON.stringify(name)
    return {
      valid: false,
      warnings: [],
      issues: [
        {
          FieldName: '__type',
          Message: `The error body has ${name === undefined ? shown : `the unknown error name ${shown}`}; expected one of ${ERROR_NAMES.join(', ')}.`,
          Code: name === undefined ? 'REQUIRED_FIELD_MISSING' : 'INVALID_ENUM_VALUE',
          path: ['__type'],
          keyword: name === undefined ? 'required' : 'enum',
          value: name,
        },
      ],
    }
  }
  return { ...validateContract(`error:${name}`, canonicalErrorBody(body), options), name }
}

/**
 * Rewrites the wire variants of an error body into the canonical form the contracts describe:
 * a body `code` becomes `__type` (when there is none), `message` becomes `Message` (when there is
 * none), and the compliance suite's `ErrorDetails` (an array of objects of another namespace, each
 * with its own `__type`) is dropped. Every form of service-facts §4 is legal on the wire; the
 * contract checks the members.
 * @param body A parsed error body.
 * @returns The canonical body (the input itself when nothing changes).
 */
export function canonicalErrorBody(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body
  const record = body as Record<string, unknown>
  const hasCode = Object.hasOwn(record, 'code') && typeof record.code === 'string'
  const hasMessage = Object.hasOwn(record, 'message') && !Object.hasOwn(record, 'Message')
  const nested = record[NESTED_TYPE_MEMBER]
  const hasNested =
    Object.hasOwn(record, NESTED_TYPE_MEMBER) &&
    Array.isArray(nested) &&
    nested.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))
  if (!hasCode && !hasMessage && !hasNested) return body
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    if (key === 'code' && hasCode) {
      if (!Object.hasOwn(record, '__type')) out.__type = value
    } else if (key === 'message' && hasMessage) out.Message = value
    else if (key === NESTED_TYPE_MEMBER && hasNested) continue
    else
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  return out
}
