import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { invalidRequest } from '../../generators/invalid-request.js'
import { rulesFor } from '../../generators/invalid-value.js'
import { validateRequest } from '../../src/validators/validate-request.js'
import { REVISION_IDS, resolveRevision } from '../../src/model/revisions.js'
import { isStringMember, plainAjv, regexOracle } from '../helpers/oracles.js'

function valueAtField(input: unknown, field: string): unknown {
  let node = input
  for (const part of (field.split(/\.|\[(\d+)\]/) as (string | undefined)[]).filter(
    (p): p is string => p !== undefined && p !== '',
  )) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

describe.each(REVISION_IDS)('invalidRequest (revision %s)', (revision) => {
  const rev = resolveRevision(revision)

  it('is rejected by validateRequest with each tagged code on its field, and by a plain ajv', () => {
    fc.assert(
      fc.property(invalidRequest({ revision }), ({ input, violations }) => {
        const issues = validateRequest(input, { revision }).issues.map((issue) => [
          issue.FieldName ?? '',
          issue.Code,
        ])
        for (const violation of violations)
          expect(issues).toContainEqual([violation.field, violation.expectedCode])
        expect(plainAjv('request', revision)(input)).toBe(false)
      }),
    )
  })

  it('agrees with the model regexes on every broken string member', () => {
    fc.assert(
      fc.property(
        invalidRequest({ revision, maxViolations: 1 }),
        ({ input, violations: [violation] }) => {
          const key = violation.field.split('.').pop() ?? ''
          // The broken string itself, also inside a tag: `Tags[3].Key` names it.
          const value = valueAtField(input, violation.field)
          if (
            violation.expectedCode !== 'INVALID_STRING_FORMAT' ||
            typeof value !== 'string' ||
            !isStringMember(key)
          )
            return
          expect(regexOracle(key, value, rev)).toBe(false)
        },
      ),
    )
  })

  it('reaches every rule of every field within 1,000 samples', () => {
    // Arrange
    const expected = rulesFor('request', revision).map((rule) => `${rule.member}/${rule.rule}`)
    // Act
    const seen = new Set(
      fc
        .sample(invalidRequest({ revision }), 1000)
        .flatMap(({ violations }) => violations.map((v) => `${v.member}/${v.rule}`)),
    )
    // Assert
    expect(expected.filter((rule) => !seen.has(rule))).toEqual([])
  })

  it('never pollutes Object.prototype', () => {
    fc.sample(invalidRequest({ revision }), 300).forEach(({ input }) =>
      validateRequest(input, { revision }),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
