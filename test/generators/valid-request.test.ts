import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validRequest } from '../../generators/valid-request.js'
import { validateRequest } from '../../src/validators/validate-request.js'
import { REVISION_IDS, resolveRevision } from '../../src/model/revisions.js'
import { plainAjv, regexOracle } from '../helpers/oracles.js'

describe.each(REVISION_IDS)('validRequest (revision %s)', (revision) => {
  const rev = resolveRevision(revision)

  it('gives inputs that validateRequest, a plain ajv from contracts/ and the model regexes all accept', () => {
    fc.assert(
      fc.property(validRequest({ revision }), (input) => {
        expect(validateRequest(input, { revision }).issues).toEqual([])
        expect(plainAjv('request', revision)(input)).toBe(true)
        for (const member of ['Catalog', 'ClientToken', 'Identifier'] as const) {
          expect(regexOracle(member, input[member], rev)).toBe(true)
        }
        for (const tag of input.Tags ?? []) {
          expect(regexOracle('Key', tag.Key, rev) && regexOracle('Value', tag.Value, rev)).toBe(
            true,
          )
        }
      }),
    )
  })

  it('keeps the SDK key order and only has Tags where the revision does', () => {
    fc.assert(
      fc.property(validRequest({ revision }), (input) => {
        expect(Object.keys(input).slice(0, 3)).toEqual(['Catalog', 'Identifier', 'ClientToken'])
        if (revision === 'reference') expect(input.Tags).toBeUndefined()
      }),
    )
  })
})

describe('validRequest options', () => {
  it('leaves ClientToken out sometimes when asked', () => {
    const samples = fc.sample(validRequest({ withoutClientToken: true }), 200)
    expect(samples.some((input) => !('ClientToken' in input))).toBe(true)
    expect(samples.some((input) => 'ClientToken' in input)).toBe(true)
  })
})
