/**
 * Validation of StartEngagementByAcceptingInvitationTask outputs.
 */
import type { StartEngagementByAcceptingInvitationTaskResponse } from '../model/response.js'
import { ContractValidationError, type ValidationResult } from './issue.js'
import { validateContract, type ValidateOptions } from './validate-contract.js'

/**
 * Checks a value against the StartEngagementByAcceptingInvitationTask output contract.
 * @param body Untrusted value, e.g. a parsed response body.
 * @param options The revision (`2025-12` by default).
 * @returns Every issue found.
 */
export function validateResponse(body: unknown, options: ValidateOptions = {}): ValidationResult {
  return validateContract('response', body, options)
}

/**
 * Throws unless a value is a valid StartEngagementByAcceptingInvitationTask output.
 * @param body Untrusted value.
 * @param options The revision.
 * @throws ContractValidationError carrying every issue.
 */
export function assertValidResponse(
  body: unknown,
  options: ValidateOptions = {},
): asserts body is StartEngagementByAcceptingInvitationTaskResponse {
  const [first, ...rest] = validateResponse(body, options).issues
  if (first !== undefined) {
    throw new ContractValidationError('StartEngagementByAcceptingInvitationTask response', [
      first,
      ...rest,
    ])
  }
}
