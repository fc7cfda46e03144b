/**
 * Validation of ListEngagementByAcceptingInvitationTasks inputs and outputs (the polling call).
 */
import { catalogWarnings } from './catalog-warnings.js'
import type { ValidationResult } from './issue.js'
import { validateContract, type ValidateOptions } from './validate-contract.js'

/**
 * Checks a value against the ListEngagementByAcceptingInvitationTasks input contract.
 * @param input Untrusted value.
 * @param options The revision.
 * @returns Every issue found, and a warning for an unknown Catalog.
 */
export function validateListRequest(
  input: unknown,
  options: ValidateOptions = {},
): ValidationResult {
  return { ...validateContract('list-request', input, options), warnings: catalogWarnings(input) }
}

/**
 * Checks a value against the ListEngagementByAcceptingInvitationTasks output contract.
 * @param body Untrusted value.
 * @param options The revision.
 * @returns Every issue found.
 */
export function validateListResponse(
  body: unknown,
  options: ValidateOptions = {},
): ValidationResult {
  return validateContract('list-response', body, options)
}
