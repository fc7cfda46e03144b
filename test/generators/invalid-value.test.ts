import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { invalidValue, rulesFor } from '../../generators/invalid-value.js'
import { applyViolations } from '../../generators/invalid-request.js'
import { validResponse } from '../../generators/valid-response.js'
import { validateResponse } from '../../src/validators/validate-response.js'
import { REVISION_IDS } from '../../src/model/revisions.js'
import { isStringMember, plainAjv, regexOracle } from '../helpers/oracles.js'
import { resolveRevision } from '../../src/model/revisions.js'

describe.each(REVISION_IDS)('invalidValue (revision %s)', (revision) => {
  it('tags every value with field, rule and expectedCode', () => {
    fc.assert(
      fc.property(invalidValue({ revision }), (violation) => {
        expect(violation.rule).toMatch(/^[a-z0-9-]+$/)
        expect(typeof violation.field).toBe('string')
        expect(violation.expectedCode).toMatch(/^[A-Z_]+$/)
        expect(violation.missing === true || 'value' in violation).toBe(true)
      }),
    )
  })

  it('breaks response rules that validateResponse and a plain ajv reject with the tagged code', () => {
    fc.assert(
      fc.property(
        validResponse({ revision }),
        invalidValue({ shape: 'response', revision }),
        (valid, violation) => {
          const body = applyViolations(valid, [violation])
          const issues = validateResponse(body, { revision }).issues.map((issue) => [
            issue.FieldName,
            issue.Code,
          ])
          expect(issues).toContainEqual([violation.field, violation.expectedCode])
          expect(plainAjv('response', revision)(body)).toBe(false)
        },
      ),
    )
  })

  it('agrees with the model regexes on every broken response string', () => {
    fc.assert(
      fc.property(invalidValue({ shape: 'response', revision }), (violation) => {
        if (
          violation.expectedCode !== 'INVALID_STRING_FORMAT' ||
          typeof violation.value !== 'string' ||
          !isStringMember(violation.member)
        )
          return
        // StartTime's regex is syntax only; impossible dates are caught by the date-time format.
        if (violation.rule === 'impossible-date') return
        expect(regexOracle(violation.member, violation.value, resolveRevision(revision))).toBe(
          false,
        )
      }),
    )
  })

  it('reaches every response rule within 1,000 samples', () => {
    const expected = rulesFor('response', revision).map((rule) => `${rule.member}/${rule.rule}`)
    const seen = new Set(
      fc
        .sample(invalidValue({ shape: 'response', revision }), 1000)
        .map((v) => `${v.member}/${v.rule}`),
    )
    expect(expected.filter((rule) => !seen.has(rule))).toEqual([])
  })
})

describe('invalidValue constraints', () => {
  it('narrows to one field and one rule', () => {
    const values = fc.sample(invalidValue({ field: 'ClientToken', rule: 'too-long' }), 20)
    for (const value of values) {
      expect(value).toMatchObject({
        member: 'ClientToken',
        rule: 'too-long',
        expectedCode: 'INVALID_STRING_FORMAT',
      })
      expect(Array.from(value.value as string)).toHaveLength(256)
    }
  })

  it('gives the reference-only ClientToken rules only under reference', () => {
    expect(() => invalidValue({ field: 'ClientToken', rule: 'space' })).toThrow(
      /Rules of ClientToken: empty, too-long/,
    )
    expect(
      fc
        .sample(invalidValue({ field: 'ClientToken', rule: 'space', revision: 'reference' }), 5)
        .every((v) => (v.value as string).includes(' ')),
    ).toBe(true)
  })

  it('throws a UsageError naming the fields for an unknown field', () => {
    expect(() => invalidValue({ field: 'Nope' })).toThrow(
      /Fields: Catalog, ClientToken, Identifier, Tags/,
    )
  })
})
