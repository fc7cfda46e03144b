import { expect } from 'vitest'
import type { ValidationResult } from '../../src/validators/issue.js'
import type { ValidationExceptionErrorCode } from '../../src/model/enums.js'

/**
 * Asserts that a result has an issue with the given code on the given field.
 * @param result A validation result.
 * @param field The expected FieldName (undefined for the whole input).
 * @param code The expected ErrorList code.
 */
export function expectIssue(
  result: ValidationResult,
  field: string | undefined,
  code: ValidationExceptionErrorCode,
): void {
  expect(result.valid).toBe(false)
  expect(
    result.issues.map((issue) => [issue.FieldName, issue.Code]),
    `issues: ${JSON.stringify(result.issues.map((issue) => issue.Message))}`,
  ).toContainEqual([field, code])
}

/**
 * Asserts that a result has no issue.
 * @param result A validation result.
 */
export function expectValid(result: ValidationResult): void {
  expect(result.issues.map((issue) => issue.Message)).toEqual([])
  expect(result.valid).toBe(true)
}
