import fc from 'fast-check'
import type { ValidationExceptionErrorCode } from '../../src/model/enums.js'
import type { Revision, RevisionId } from '../../src/model/revisions.js'

/** A value that breaks one rule, tagged with the rule and the code a validator must give. */
export interface InvalidValue {
  /** `request` or `response`: which shape the value belongs in. */
  readonly shape: 'request' | 'response'
  /** The top-level member the value is for; empty when the value is the whole input. */
  readonly member: string
  /** The value of that member (absent when `missing`). */
  readonly value?: unknown
  /** True when the rule is that the member is absent. */
  readonly missing?: true
  /** The FieldName the validator's issue names, e.g. `ClientToken` or `Tags[3].Key`; empty for the whole input. */
  readonly field: string
  /** The broken rule, e.g. `too-long`. */
  readonly rule: string
  /** The ErrorList code the validator must give for it. */
  readonly expectedCode: ValidationExceptionErrorCode
}

/** What a rule's arbitrary produces: the value, and a FieldName when it is not the member itself. */
export interface RuleOutput {
  readonly value?: unknown
  readonly missing?: true
  readonly field?: string
}

/** One rule of one member. */
export interface RuleDefinition {
  readonly shape: 'request' | 'response'
  readonly member: string
  readonly rule: string
  readonly expectedCode: ValidationExceptionErrorCode
  /** One line for people. */
  readonly description: string
  /** The revisions where it is a rule; all when absent. */
  readonly revisions?: readonly RevisionId[]
  /** Values that break it. */
  readonly values: (revision: Revision) => fc.Arbitrary<RuleOutput>
}

/**
 * Wraps plain values as rule outputs.
 * @param arbitrary The values.
 * @returns Rule outputs carrying them.
 */
export function valuesOf(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<RuleOutput> {
  return arbitrary.map((value) => ({ value }))
}

/**
 * Rule outputs from a fixed list of values.
 * @param values The values.
 * @returns Rule outputs.
 */
export function oneOfValues(...values: unknown[]): fc.Arbitrary<RuleOutput> {
  return valuesOf(fc.constantFrom(...values))
}

/** The wrong JSON types, each its own rule (every one is INVALID_VALUE). */
const WRONG_TYPES: Readonly<Record<string, unknown>> = {
  'wrong-type-number': 42,
  'wrong-type-boolean': true,
  'wrong-type-null': null,
  'wrong-type-array': ['x'],
  'wrong-type-object': { value: 'x' },
}

/** One mebibyte: far beyond any limit. */
export const ONE_MIB = 1024 * 1024

/**
 * Rules for every wrong JSON type of a member.
 * @param shape Request or response.
 * @param member The member.
 * @param except Types that are not wrong for it (e.g. `wrong-type-array` for a list).
 * @returns One rule per wrong type.
 */
export function wrongTypeRules(
  shape: 'request' | 'response',
  member: string,
  except: readonly string[] = [],
): RuleDefinition[] {
  return Object.entries(WRONG_TYPES)
    .filter(([rule]) => !except.includes(rule))
    .map(([rule, value]) => ({
      shape,
      member,
      rule,
      expectedCode: 'INVALID_VALUE' as const,
      description: `${member} of the wrong JSON type (${rule.slice('wrong-type-'.length)})`,
      values: () => fc.constant({ value }),
    }))
}
