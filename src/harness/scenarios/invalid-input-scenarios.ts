/**
 * Invalid inputs from the generators: one per modelled member and ErrorList code of the revision, drawn
 * with a fixed seed so that the catalog is the same on every run.
 */
import fc from 'fast-check'
import { invalidValueOf, rulesFor } from '../../../generators/invalid-value.js'
import type { InvalidValue, RuleDefinition } from '../../../generators/invalid/rule.js'
import { applyViolations } from '../../../generators/invalid-request.js'
import type { Revision } from '../../model/revisions.js'
import { validateRequest } from '../../validators/validate-request.js'
import type { Scenario } from '../scenario.js'
import { inputFor } from './script-of.js'

const SEED = 20251201

function hasNull(value: unknown): boolean {
  if (value === null) return true
  if (typeof value !== 'object') return false
  return Object.values(value).some(hasNull)
}

/**
 * Whether an invalid input reaches the wire as invalid through any client: it is a JSON object that reads
 * back the same (protocol v1 passes it as JSON) and is still invalid, with no nulls (typed serializers
 * drop them: a sparse list loses its null, and the wire becomes valid).
 * @param input The input.
 * @param revision The revision.
 * @returns True when a client must refuse it or surface the ValidationException.
 */
export function survivesTheWire(
  input: unknown,
  revision: Revision,
): input is Record<string, unknown> {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || hasNull(input))
    return false
  const text = JSON.stringify(input)
  const back: unknown = JSON.parse(text)
  return JSON.stringify(back) === text && !validateRequest(back, { revision: revision.id }).valid
}

/**
 * The request rules whose violations every client must refuse or surface: rules of modelled members,
 * except a missing ClientToken (the client generates one) and a tag with an extra member (typed clients
 * drop unknown members, so the wire is valid).
 * @param revision The revision.
 * @returns The rules.
 */
export function clientInvalidRules(revision: Revision): readonly RuleDefinition[] {
  return rulesFor('request', revision.id).filter(
    (rule) =>
      (revision.requestMembers as readonly string[]).includes(rule.member) &&
      !(rule.member === 'ClientToken' && rule.rule === 'missing') &&
      rule.rule !== 'tag-extra-member',
  )
}

/**
 * The invalid-input scenarios of a revision: the first rule of each member and ErrorList code, and the
 * notable ones (an over-long ClientToken, an ENGI- prefix, …).
 * @param revision The revision (its rules).
 * @returns One scenario per member and expected ErrorList code.
 */
/** Rules picked besides the first of each member and code: the mistakes clients make most. */
const NOTABLE_RULES = new Set([
  'ClientToken/too-long',
  'Identifier/uppercase-prefix',
  'Identifier/id-too-long',
  'Identifier/neither-id-nor-arn',
  'Catalog/lookalike',
  'Tags/too-many',
  'Tags/value-too-long',
])

export function invalidInputScenarios(revision: Revision): Scenario[] {
  const seen = new Set<string>()
  const scenarios: Scenario[] = []
  for (const rule of clientInvalidRules(revision)) {
    const key = `${rule.member}/${rule.expectedCode}`
    if (seen.has(key) && !NOTABLE_RULES.has(`${rule.member}/${rule.rule}`)) continue
    const id = `invalid.${rule.member}.${rule.rule}`
    const valid = inputFor(id)
    const drawn = fc
      .sample(invalidValueOf(rule, revision), { seed: SEED, numRuns: 50 })
      .map((violation: InvalidValue) => ({ violation, input: applyViolations(valid, [violation]) }))
      .find((candidate) => survivesTheWire(candidate.input, revision))
    if (drawn === undefined) continue
    seen.add(key)
    scenarios.push({
      id,
      title: `An input whose ${drawn.violation.field} breaks ${rule.rule} (${rule.expectedCode})`,
      tags: ['invalid-input'],
      input: drawn.input as Record<string, unknown>,
      expect: { kind: 'refused' },
      checks: ['invalid-input'],
      why: `The service answers ValidationException (REQUEST_VALIDATION_FAILED, ${rule.expectedCode} on ${drawn.violation.field}).`,
    })
  }
  return scenarios
}
