/**
 * Invalid inputs from the generators: one per modelled member and ErrorList code of the revision, drawn
 * with a fixed seed so that the catalog is the same on every run.
 */
import fc from 'fast-check'
import { invalidValueOf, rulesFor } from '../../../generators/invalid-value.js'
import type { InvalidValue } from '../../../generators/invalid/rule.js'
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

// A value survives protocol v1 (JSON on stdin) when it reads back the same and is still invalid. Nulls
// are left out: typed serializers drop them (a sparse list loses its null), so the wire stays valid.
function jsonSafe(input: unknown, revision: Revision): input is Record<string, unknown> {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || hasNull(input)) return false
  const text = JSON.stringify(input)
  const back: unknown = JSON.parse(text)
  return JSON.stringify(back) === text && !validateRequest(back, { revision: revision.id }).valid
}

/**
 * The invalid-input scenarios of a revision.
 * @param revision The revision (its rules).
 * @returns One scenario per member and expected ErrorList code.
 */
export function invalidInputScenarios(revision: Revision): Scenario[] {
  const seen = new Set<string>()
  const scenarios: Scenario[] = []
  for (const rule of rulesFor('request', revision.id)) {
    const key = `${rule.member}/${rule.expectedCode}`
    // Modelled members only (typed clients drop unknown ones), and a missing ClientToken is not an
    // error: the client generates one (the success.no-client-token scenario).
    const modelled = (revision.requestMembers as readonly string[]).includes(rule.member)
    if (!modelled || (rule.member === 'ClientToken' && rule.rule === 'missing') || seen.has(key)) continue
    const id = `invalid.${rule.member}.${rule.rule}`
    const valid = inputFor(id)
    const drawn = fc
      .sample(invalidValueOf(rule, revision), { seed: SEED, numRuns: 50 })
      .map((violation: InvalidValue) => ({ violation, input: applyViolations(valid, [violation]) }))
      .find((candidate) => jsonSafe(candidate.input, revision))
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
