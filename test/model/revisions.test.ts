import { describe, expect, it } from 'vitest'
import { resolveRevision, REVISIONS } from '../../src/model/revisions.js'
import { REASON_CODE_INFO, REASON_CODES } from '../../src/model/reason-codes.js'
import { ERROR_INFO } from '../../src/model/errors.js'

describe('revisions', () => {
  it('defaults to 2025-12 and resolves latest to it', () => {
    expect(resolveRevision().id).toBe('2025-12')
    expect(resolveRevision('latest')).toBe(REVISIONS['2025-12'])
    expect(resolveRevision('reference').id).toBe('reference')
  })

  it.each([['2024'], ['constructor'], ['__proto__'], ['']])(
    'rejects %j naming the known revisions',
    (id) => {
      expect(() => resolveRevision(id)).toThrow(/Known: 2025-12 \(alias latest\), reference/)
    },
  )

  it('differs between revisions only where the reference page differs', () => {
    const current = REVISIONS['2025-12']
    const reference = REVISIONS.reference
    expect(current.strings.ClientToken.pattern).toBe('^.{1,255}$')
    expect(reference.strings.ClientToken.pattern).toBe('^[!-~]{1,64}$')
    expect(current.reasonCodes).toHaveLength(22)
    expect(reference.reasonCodes).toHaveLength(19)
    expect(current.requestMembers).toContain('Tags')
    expect(reference.requestMembers).not.toContain('Tags')
    expect(reference.strings.TaskIdentifier).toBe(current.strings.TaskIdentifier)
    expect(reference.errorHttpStatus.ThrottlingException).toBe(400)
    expect(current.errorHttpStatus.ThrottlingException).toBe(429)
  })
})

describe('model tables', () => {
  it('gives every ReasonCode a category, a retry answer and a one-line hint', () => {
    expect(REASON_CODES).toHaveLength(22)
    for (const code of REASON_CODES) {
      const info = REASON_CODE_INFO[code]
      expect(info.hint.length).toBeGreaterThan(10)
      expect(info.hint).not.toContain('\n')
      expect(typeof info.retryLater).toBe('boolean')
    }
  })

  it('marks only throttling and 500 as retried by the SDK', () => {
    const retried = Object.entries(ERROR_INFO)
      .filter(([, info]) => info.sdkRetry !== 'no')
      .map(([name]) => name)
    expect(retried).toEqual(['ThrottlingException', 'InternalServerException'])
  })
})
