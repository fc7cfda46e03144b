/**
 * What a check found in one scenario run.
 */
import type { CheckId } from './check-info.js'

/** The verdict of one check on one scenario. */
export interface CheckFinding {
  readonly check: CheckId
  readonly passed: boolean
  /** On failure: what the client did and what was expected. On success: what held. */
  readonly message: string
}

/**
 * A passing finding.
 * @param check The check.
 * @param message What held.
 * @returns The finding.
 */
export function pass(check: CheckId, message: string): CheckFinding {
  return { check, passed: true, message }
}

/**
 * A failing finding.
 * @param check The check.
 * @param did What the client did.
 * @param expected What a correct client does.
 * @returns The finding.
 */
export function fail(check: CheckId, did: string, expected: string): CheckFinding {
  return { check, passed: false, message: `The client ${did}; expected: ${expected}.` }
}
