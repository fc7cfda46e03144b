/**
 * Validation of StartEngagementByAcceptingInvitationTask inputs.
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */
import type { StartEngagementByAcceptingInvitationTaskRequest } from '../model/request.js'
import { catalogWarnings } from './catalog-warnings.js'
import { ContractValidationError, type ValidationResult } from './issue.js'
import { createContractCheck, type ValidateOptions } from './validate-contract.js'

/**
 * Checks a value against the StartEngagementByAcceptingInvitationTask input contract. Never throws
 * on bad input; see {@link assertValidRequest}.
 * @param input Untrusted value, e.g. a parsed request body.
 * @param options The revision (`2025-12` by default).
 * @returns Every issue found, in AWS's ErrorList shape, and warnings (a Catalog other than AWS or Sandbox).
 * @example
 * validateRequest({ Catalog: 'Sandbox', ClientToken: 't-1', Identifier: 'engi-0123456789abc' }).valid // true
 */
export function validateRequest(input: unknown, options?: ValidateOptions): ValidationResult {
  const result = checkRequest(input, options?.revision)
  // A valid input has a string Catalog: the two real ones need no further look, and the result is the
  // one shared frozen object.
  if (result.valid) {
    const catalog = (input as { readonly Catalog: string }).Catalog
    if (catalog === 'AWS' || catalog === 'Sandbox') return result
  }
  const warnings = catalogWarnings(input)
  return warnings.length === 0 ? result : { valid: result.valid, issues: result.issues, warnings }
}

const checkRequest = createContractCheck('request')

/**
 * Throws unless a value is a valid StartEngagementByAcceptingInvitationTask input.
 * @param input Untrusted value.
 * @param options The revision.
 * @throws ContractValidationError carrying every issue.
 */
export function assertValidRequest(
  input: unknown,
  options: ValidateOptions = {},
): asserts input is StartEngagementByAcceptingInvitationTaskRequest {
  const { issues } = validateRequest(input, options)
  const [first, ...rest] = issues
  if (first !== undefined) {
    throw new ContractValidationError('StartEngagementByAcceptingInvitationTask request', [
      first,
      ...rest,
    ])
  }
}
