import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validResponse } from '../../generators/valid-response.js'
import { errorResponse } from '../../generators/error-response.js'
import { validateResponse } from '../../src/validators/validate-response.js'
import { validateErrorBody } from '../../src/validators/validate-error-body.js'
import { findErrorName } from '../../src/model/error-name.js'
import { ERROR_NAMES } from '../../src/model/errors.js'
import { ERROR_ENCODING_NAMES } from '../../src/model/error-encodings.js'
import { REVISION_IDS, REVISIONS } from '../../src/model/revisions.js'
import { plainAjv } from '../helpers/oracles.js'

describe.each(REVISION_IDS)('validResponse (revision %s)', (revision) => {
  it('is accepted by validateResponse and a plain ajv, shaped by its status', () => {
    fc.assert(
      fc.property(validResponse({ revision }), (response) => {
        expect(validateResponse(response, { revision }).issues).toEqual([])
        expect(plainAjv('response', revision)(response)).toBe(true)
        expect(response.OpportunityId !== undefined).toBe(response.TaskStatus === 'COMPLETE')
        expect(response.ReasonCode !== undefined).toBe(response.TaskStatus === 'FAILED')
      }),
    )
  })

  it('reaches every ReasonCode of the revision', () => {
    const codes = new Set(
      fc.sample(validResponse({ revision, status: 'FAILED' }), 2000).map((r) => r.ReasonCode),
    )
    expect(codes.size).toBe(REVISIONS[revision].reasonCodes.length)
  })
})

describe('errorResponse', () => {
  it('names the error the same way in every encoding, as a client reads it', () => {
    fc.assert(
      fc.property(errorResponse(), (error) => {
        expect(findErrorName(error.body, error.headers['X-Amzn-Errortype'])).toBe(error.name)
        expect(error.headers['Content-Type']).toBe('application/x-amz-json-1.0')
      }),
    )
  })

  it('gives valid members in every encoding: validateErrorBody accepts them all', () => {
    fc.assert(
      fc.property(errorResponse(), (error) => {
        const result = validateErrorBody(error.body, {
          errorTypeHeader: error.headers['X-Amzn-Errortype'],
        })
        expect(result.issues).toEqual([])
        expect(result.name).toBe(error.name)
      }),
    )
  })

  it('reaches each of the seven errors in each of the 13 encodings, with Message and message', () => {
    const seen = new Set(fc.sample(errorResponse(), 3000).map((e) => `${e.name}/${e.encoding}`))
    expect(seen.size).toBe(ERROR_NAMES.length * ERROR_ENCODING_NAMES.length)
    expect(new Set(fc.sample(errorResponse(), 200).map((e) => e.messageKey))).toEqual(
      new Set(['Message', 'message']),
    )
  })

  it('uses the revision HTTP status, and any name for unknown errors', () => {
    expect(
      fc.sample(errorResponse({ name: 'ThrottlingException' }), 5).every((e) => e.status === 429),
    ).toBe(true)
    expect(
      fc
        .sample(errorResponse({ name: 'ThrottlingException', revision: 'reference' }), 5)
        .every((e) => e.status === 400),
    ).toBe(true)
    expect(
      fc
        .sample(errorResponse({ name: 'BrandNewException', status: 418 }), 5)
        .every((e) => e.status === 418 && e.name === 'BrandNewException'),
    ).toBe(true)
  })
})
