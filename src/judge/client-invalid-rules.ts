/**
 * Which invalid inputs every client must refuse or surface: the rules of modelled members, as inputs
 * that still reach the wire invalid whatever the client's serializer. The harness's scenarios and the
 * fuzzer's cases both draw from them.
 */
import { rulesFor } from '../../generators/invalid-value.js'
import type { RuleDefinition } from '../../generators/invalid/rule.js'
import type { Revision } from '../model/revisions.js'
import { validateRequest } from '../validators/validate-request.js'

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
