/**
 * Invalid inputs from the generators: one per modelled member and ErrorList code of the revision, drawn
 * with a fixed seed so that the catalog is the same on every run.
 */
import fc from 'fast-check'
import { invalidValueOf } from '../../../generators/invalid-value.js'
import type { InvalidValue } from '../../../generators/invalid/rule.js'
import { applyViolations } from '../../../generators/invalid-request.js'
import type { Revision } from '../../model/revisions.js'
import { clientInvalidRules, survivesTheWire } from '../../judge/client-invalid-rules.js'
import type { ScenarioDefinition } from '../scenario.js'
import { inputFor } from './script-of.js'

const SEED = 20251201

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

export function invalidInputScenarios(revision: Revision): ScenarioDefinition[] {
  const seen = new Set<string>()
  const scenarios: ScenarioDefinition[] = []
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
      why: `The service answers ValidationException (REQUEST_VALIDATION_FAILED, ${rule.expectedCode} on ${drawn.violation.field}).`,
    })
  }
  return scenarios
}
