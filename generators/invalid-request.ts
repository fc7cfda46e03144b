import fc from 'fast-check'
import { resolveRevision } from '../src/model/revisions.js'
import { invalidValueOf, rulesFor } from './invalid-value.js'
import type { InvalidValue } from './invalid/rule.js'
import { validRequest } from './valid-request.js'

/** An input that breaks one or several rules, with the rules it breaks. */
export interface InvalidRequest {
  readonly input: unknown
  readonly violations: readonly [InvalidValue, ...InvalidValue[]]
}

/** Constraints of {@link invalidRequest}. */
export interface InvalidRequestConstraints {
  /**
   * The revision.
   * @defaultValue '2025-12'
   */
  readonly revision?: string
  /**
   * The most rules broken at once (each on another member).
   * @defaultValue 3
   */
  readonly maxViolations?: number
}

/**
 * Applies violations to a valid input. Keys are defined as own data properties, so `__proto__` and
 * `constructor` stay plain members.
 * @param valid A valid input.
 * @param violations Violations on distinct members.
 * @returns The broken input.
 */
export function applyViolations(valid: object, violations: readonly InvalidValue[]): unknown {
  const whole = violations.find((violation) => violation.member === '')
  if (whole !== undefined) return whole.value
  const input: Record<string, unknown> = { ...valid }
  for (const violation of violations) {
    if (violation.missing === true) Reflect.deleteProperty(input, violation.member)
    else
      Object.defineProperty(input, violation.member, {
        value: violation.value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  return input
}

/**
 * Invalid StartEngagementByAcceptingInvitationTask inputs: a valid input with one or several members
 * broken, each violation tagged with the rule and the expected ErrorList code.
 * @param constraints The revision and how many rules to break at once.
 * @returns The arbitrary.
 */
export function invalidRequest(
  constraints: InvalidRequestConstraints = {},
): fc.Arbitrary<InvalidRequest> {
  const revision = resolveRevision(constraints.revision)
  const max = Math.max(1, constraints.maxViolations ?? 3)
  const rules = rulesFor('request', revision.id)
  const byMember = new Map<string, fc.Arbitrary<InvalidValue>[]>()
  for (const rule of rules) {
    const list = byMember.get(rule.member) ?? []
    list.push(invalidValueOf(rule, revision))
    byMember.set(rule.member, list)
  }
  const perMember = [...byMember.entries()].filter(([member]) => member !== '')
  // Unbiased choices: fast-check otherwise favours the first rules, and every rule must come up often.
  const single = fc
    .noBias(fc.oneof(...rules.map((rule) => invalidValueOf(rule, revision))))
    .map((v) => [v] as const)
  const withInput = (
    violations: fc.Arbitrary<readonly InvalidValue[]>,
  ): fc.Arbitrary<InvalidRequest> =>
    fc.tuple(validRequest({ revision: revision.id }), violations).map(([valid, list]) => ({
      input: applyViolations(valid, list),
      violations: list as unknown as readonly [InvalidValue, ...InvalidValue[]],
    }))
  if (max === 1) return withInput(single)
  const several = fc
    .shuffledSubarray(perMember, { minLength: 2, maxLength: Math.min(max, perMember.length) })
    .chain((members) => fc.tuple(...members.map(([, arbs]) => fc.noBias(fc.oneof(...arbs)))))
  return withInput(fc.oneof({ weight: 2, arbitrary: single }, { weight: 1, arbitrary: several }))
}
