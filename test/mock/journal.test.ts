import { describe, expect, it } from 'vitest'
import { Journal, redactHeaders, redactPath, type JournalEntry } from '../../src/mock/journal.js'

function entry(journal: Journal, extra: Partial<JournalEntry> = {}): JournalEntry {
  const recorded: JournalEntry = {
    seq: journal.nextSeq(),
    time: '2026-12-03T00:00:00.000Z',
    method: 'POST',
    path: '/',
    headers: {},
    body: '{}',
    outcome: 'respond',
    ...extra,
  }
  journal.record(recorded)
  return recorded
}

describe('Journal', () => {
  it('keeps the newest entries, oldest first, up to its limit', () => {
    const journal = new Journal(3)
    for (let i = 0; i < 5; i++) entry(journal)
    expect(journal.list().map((e) => e.seq)).toEqual([3, 4, 5])
  })

  it('merges an amendment into the entry the next reader sees', () => {
    const journal = new Journal(10)
    entry(journal)
    entry(journal)
    expect(journal.amend(1, { answeredAtMs: 10 })).toBe(true)
    expect(journal.amend(1, { closedAtMs: 20 })).toBe(true)
    const [first, second] = journal.list()
    expect(first).toMatchObject({ seq: 1, answeredAtMs: 10, closedAtMs: 20 })
    expect(second?.answeredAtMs).toBeUndefined()
  })

  it('never changes entries a reader already holds', () => {
    const journal = new Journal(10)
    const recorded = entry(journal)
    const before = journal.list()
    journal.amend(1, { delivered: false })
    expect(before[0]).toBe(recorded)
    expect(before[0]?.delivered).toBeUndefined()
    const after = journal.list()
    expect(after[0]?.delivered).toBe(false)
    // Read again with nothing new: the same (merged) entry.
    expect(journal.list()[0]).toBe(after[0])
  })

  it('says false for an entry no longer kept, and an old amendment does not reach the entry in its slot', () => {
    const journal = new Journal(2)
    entry(journal)
    entry(journal)
    expect(journal.amend(2, { answeredAtMs: 5 })).toBe(true)
    entry(journal)
    entry(journal) // reuses the slot of entry 2
    expect(journal.amend(1, { answeredAtMs: 1 })).toBe(false)
    expect(journal.list()).toEqual([
      expect.objectContaining({ seq: 3 }),
      expect.objectContaining({ seq: 4 }),
    ])
    expect(journal.list().some((e) => e.answeredAtMs !== undefined)).toBe(false)
  })

  it('amends an entry recorded out of sequence (a later request refused while an earlier one is verified)', () => {
    const journal = new Journal(10)
    const first = journal.nextSeq()
    const second = journal.nextSeq()
    const base = { time: 't', method: 'POST', path: '/', headers: {}, body: '', outcome: 'respond' }
    journal.record({ ...base, seq: second })
    journal.record({ ...base, seq: first })
    expect(journal.amend(second, { delivered: false })).toBe(true)
    expect(journal.amend(first, { answeredAtMs: 7 })).toBe(true)
    expect(journal.list()).toEqual([
      expect.objectContaining({ seq: second, delivered: false }),
      expect.objectContaining({ seq: first, answeredAtMs: 7 }),
    ])
  })

  it('forgets entries and amendments on clear', () => {
    const journal = new Journal(4)
    entry(journal)
    journal.amend(1, { answeredAtMs: 1 })
    journal.clear()
    expect(journal.list()).toEqual([])
    expect(entry(journal).seq).toBe(1)
    expect(journal.list()[0]?.answeredAtMs).toBeUndefined()
  })
})

describe('redaction', () => {
  it('keeps the credential scope of a SigV4 Authorization and drops its signature', () => {
    const headers = redactHeaders({
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKID/20261203/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host, Signature=abc123',
      'x-amz-security-token': 'secret-token',
      'content-type': 'application/x-amz-json-1.0',
    })
    expect(headers).toEqual({
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKID/20261203/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host, Signature=<redacted>',
      'x-amz-security-token': '<redacted>',
      'content-type': 'application/x-amz-json-1.0',
    })
  })

  it('keeps only the scheme of any other Authorization', () => {
    expect(redactHeaders({ authorization: 'Bearer abc.def' }).authorization).toBe(
      'Bearer <redacted>',
    )
  })

  it('redacts presigned secrets in a query and leaves a plain path as it is', () => {
    expect(redactPath('/')).toBe('/')
    expect(redactPath('/?X-Amz-Signature=abc&x=1&X-Amz-Credential=AKID%2F')).toBe(
      '/?X-Amz-Signature=<redacted>&x=1&X-Amz-Credential=<redacted>',
    )
  })
})
