/**
 * Issues as data: each in AWS's own ErrorList shape (`FieldName`, `Message`, `Code`) plus where it is
 * and what was found, so the simulator can answer what AWS answers.
 */
import type { ValidationExceptionError } from '../model/error-shapes.js'
import type { ValidationExceptionErrorCode } from '../model/enums.js'
import { ToolkitError } from '../internal/toolkit-error.js'

/** One broken rule. */
export interface Issue {
  /** The member at fault as AWS names it (`Identifier`, `Tags[0].Key`); absent for the whole input. */
  readonly FieldName?: string
  /** What is wrong and what is expected. */
  readonly Message: string
  /** The closest `ValidationExceptionErrorCode`. */
  readonly Code: ValidationExceptionErrorCode
  /** Where, as a path of member names and list indexes. */
  readonly path: readonly (string | number)[]
  /** The JSON Schema keyword that failed (`pattern`, `required`, …). */
  readonly keyword: string
  /** The offending value (undefined for a missing member). */
  readonly value: unknown
}

/** Something legal but probably wrong, such as a Catalog other than `AWS` or `Sandbox`. */
export interface Warning {
  readonly FieldName?: string
  readonly Message: string
  readonly path: readonly (string | number)[]
  readonly value: unknown
}

/** The result of a validation: never thrown. */
export interface ValidationResult {
  /** True when there is no issue (warnings do not count). */
  readonly valid: boolean
  readonly issues: readonly Issue[]
  readonly warnings: readonly Warning[]
}

/**
 * Which `ValidationExceptionErrorCode` each JSON Schema keyword maps to. String length maps to
 * INVALID_STRING_FORMAT because the current model enforces length inside the pattern (look-ahead),
 * so the same input gets the same code under both revisions.
 */
export const KEYWORD_CODES: Readonly<Record<string, ValidationExceptionErrorCode>> = {
  required: 'REQUIRED_FIELD_MISSING',
  enum: 'INVALID_ENUM_VALUE',
  const: 'INVALID_ENUM_VALUE',
  pattern: 'INVALID_STRING_FORMAT',
  format: 'INVALID_STRING_FORMAT',
  minLength: 'INVALID_STRING_FORMAT',
  maxLength: 'INVALID_STRING_FORMAT',
  type: 'INVALID_VALUE',
  additionalProperties: 'INVALID_VALUE',
  minItems: 'NOT_ENOUGH_VALUES',
  maxItems: 'TOO_MANY_VALUES',
  uniqueItems: 'DUPLICATE_KEY_VALUE',
  minimum: 'VALUE_OUT_OF_RANGE',
  maximum: 'VALUE_OUT_OF_RANGE',
}

/**
 * Formats a path the way AWS names fields: `Tags[0].Key`.
 * @param path Member names and list indexes.
 * @returns The field name; empty for the root.
 */
export function formatFieldName(path: readonly (string | number)[]): string {
  let out = ''
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`
  }
  return out
}

/**
 * Converts issues to a ValidationException `ErrorList`: only `FieldName`, `Message` and `Code`.
 * @param issues Issues from a validator.
 * @returns The ErrorList entries.
 */
export function toErrorList(issues: readonly Issue[]): ValidationExceptionError[] {
  return issues.map((issue) =>
    issue.FieldName === undefined
      ? { Message: issue.Message, Code: issue.Code }
      : { FieldName: issue.FieldName, Message: issue.Message, Code: issue.Code },
  )
}

/** Thrown by the `assert*` validators; carries every issue. */
export class ContractValidationError extends ToolkitError {
  /** Every issue found (at least one). */
  readonly issues: readonly [Issue, ...Issue[]]

  /**
   * @param what The checked shape, e.g. `StartEngagementByAcceptingInvitationTask request`.
   * @param issues The issues (at least one).
   */
  constructor(what: string, issues: readonly [Issue, ...Issue[]]) {
    const lines = issues.map((issue) => `${issue.Code} ${issue.Message}`)
    super(`Invalid ${what}: ${lines.join('; ')}. Fix the listed fields.`)
    this.issues = issues
  }
}
