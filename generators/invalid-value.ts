import fc from 'fast-check'
import { resolveRevision, type Revision } from '../src/model/revisions.js'
import { UsageError } from '../src/internal/toolkit-error.js'
import { REQUEST_RULES } from './invalid/request-rules.js'
import { RESPONSE_RULES } from './invalid/response-rules.js'
import type { InvalidValue, RuleDefinition } from './invalid/rule.js'

/** Constraints of {@link invalidValue}. */
export interface InvalidValueConstraints {
  /**
   * Which shape's members.
   * @defaultValue 'request'
   */
  readonly shape?: 'request' | 'response'
  /**
   * Only this member (e.g. `ClientToken`).
   * @defaultValue every member
   */
  readonly field?: string
  /**
   * Only this rule (e.g. `too-long`).
   * @defaultValue every rule
   */
  readonly rule?: string
  /**
   * The revision.
   * @defaultValue '2025-12'
   */
  readonly revision?: string
}

/**
 * The rules that apply to a shape in a revision.
 * @param shape Request or response.
 * @param revision A revision id or alias.
 * @returns The rule definitions.
 */
export function rulesFor(
  shape: 'request' | 'response',
  revision?: string,
): readonly RuleDefinition[] {
  const rev = resolveRevision(revision)
  return (shape === 'request' ? REQUEST_RULES : RESPONSE_RULES).filter(
    (rule) => rule.revisions === undefined || rule.revisions.includes(rev.id),
  )
}

/**
 * The tagged arbitrary of one rule.
 * @param definition The rule.
 * @param revision The revision.
 * @returns Values that break it, each tagged.
 */
export function invalidValueOf(
  definition: RuleDefinition,
  revision: Revision,
): fc.Arbitrary<InvalidValue> {
  return definition.values(revision).map((output): InvalidValue => {
    const base = {
      shape: definition.shape,
      member: definition.member,
      field: output.field ?? definition.member,
      rule: definition.rule,
      expectedCode: definition.expectedCode,
    }
    return output.missing === true ? { ...base, missing: true } : { ...base, value: output.value }
  })
}

/**
 * Values that break a rule, each tagged `{ value, field, rule, expectedCode }`.
 * @param constraints Shape, member, rule and revision to draw from.
 * @returns The arbitrary (every matching rule equally likely).
 * @throws UsageError when no rule matches, naming the known ones.
 */
export function invalidValue(
  constraints: InvalidValueConstraints = {},
): fc.Arbitrary<InvalidValue> {
  const revision = resolveRevision(constraints.revision)
  const shape = constraints.shape ?? 'request'
  const all = rulesFor(shape, revision.id)
  const rules = all.filter(
    (rule) =>
      (constraints.field === undefined || rule.member === constraints.field) &&
      (constraints.rule === undefined || rule.rule === constraints.rule),
  )
  if (rules.length === 0) {
    const fields = [...new Set(all.map((rule) => rule.member))].filter((m) => m !== '')
    const known =
      constraints.field !== undefined && fields.includes(constraints.field)
        ? `Rules of ${constraints.field}: ${all
            .filter((r) => r.member === constraints.field)
            .map((r) => r.rule)
            .join(', ')}.`
        : `Fields: ${fields.join(', ')}.`
    throw new UsageError(
      `No ${shape} rule matches field ${JSON.stringify(constraints.field ?? '*')} and rule ${JSON.stringify(constraints.rule ?? '*')} in revision ${revision.id}. ${known}`,
    )
  }
  // Unbiased choice: fast-check otherwise favours the first rules, and every rule must come up often.
  return fc.noBias(fc.oneof(...rules.map((rule) => invalidValueOf(rule, revision))))
}
