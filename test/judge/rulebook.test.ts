/**
 * Table tests of every rule on hand-built runs: each rule passes a correct run and fails a broken one
 * with the exact finding text, without a client, a server or a clock.
 */
import { describe, expect, it } from 'vitest'
import type { CallRun } from '../../src/judge/call-run.js'
import type { ClientOutcome } from '../../src/judge/client-outcome.js'
import { judgeRun, RULEBOOK, rulesFedBy } from '../../src/judge/rulebook.js'
import type { JournalEntry } from '../../src/mock/journal.js'
import { scenarioCatalog } from '../../src/harness/scenarios/catalog.js'

const TARGET = 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask'
const INPUT = { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc', ClientToken: 'tok' }
const T0 = Date.parse('2026-12-03T10:00:00.000Z')

interface Attempt {
  readonly at?: number
  readonly outcome?: string
  readonly status?: number
  readonly response?: unknown
  readonly names?: { type?: string; code?: string; header?: string }
  readonly body?: unknown
  readonly retryAfter?: string
  readonly step?: string
  readonly headers?: Record<string, string>
  readonly path?: string
  readonly delivered?: false
  readonly clockSkewMs?: number
}

const TASK = { TaskId: 'task-0123456789abc', TaskStatus: 'IN_PROGRESS' }

function entry(attempt: Attempt, index: number): JournalEntry {
  const at = attempt.at ?? index * 100
  return {
    seq: index + 1,
    time: new Date(T0 + at).toISOString(),
    method: 'POST',
    path: attempt.path ?? '/',
    headers: {
      'x-amz-target': TARGET,
      'content-type': 'application/x-amz-json-1.0',
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host;x-amz-date, Signature=<redacted>`,
      ...attempt.headers,
    },
    body: JSON.stringify(attempt.body ?? INPUT),
    operation: 'StartEngagementByAcceptingInvitationTask',
    attempt: index + 1,
    outcome: attempt.outcome ?? 'respond',
    ...(attempt.step === undefined ? {} : { step: attempt.step }),
    ...(attempt.outcome === undefined || attempt.outcome === 'respond'
      ? {
          status: attempt.status ?? 200,
          response: JSON.stringify(attempt.response ?? TASK),
          answeredAtMs: T0 + at + 5,
        }
      : {}),
    ...(attempt.names === undefined
      ? {}
      : { errorName: attempt.names.type ?? attempt.names.header ?? '', errorNames: attempt.names }),
    ...(attempt.retryAfter === undefined ? {} : { retryAfter: attempt.retryAfter }),
    ...(attempt.delivered === undefined ? {} : { delivered: false }),
    ...(attempt.clockSkewMs === undefined ? {} : { clockSkewMs: attempt.clockSkewMs }),
  }
}

function run(
  attempts: readonly Attempt[],
  outcome: ClientOutcome,
  extra: Partial<CallRun> = {},
): CallRun {
  return {
    input: INPUT,
    inputValid: true,
    revision: '2025-12',
    outcome,
    journal: attempts.map(entry),
    tasks: [{ ...TASK, EngagementInvitationId: 'engi-0123456789abc' }],
    durationMs: 100,
    deadlineMs: 10_000,
    clientPolls: false,
    ...extra,
  }
}

const result = (members: Record<string, unknown> = TASK): ClientOutcome => ({
  kind: 'result',
  result: members,
})
const error = (name: string): ClientOutcome => ({ kind: 'error', name, message: '' })
const conflict = {
  status: 409,
  names: { type: 'ConflictException' },
  response: { __type: 'x#ConflictException' },
}
const unavailable = { status: 503, response: '<html>' }

/** The finding of one rule on a run, or undefined. */
function finding(rule: string, callRun: CallRun): { passed: boolean; message: string } | undefined {
  const found = judgeRun(callRun).find((candidate) => candidate.check === rule)
  return found === undefined ? undefined : { passed: found.passed, message: found.message }
}

describe('the rulebook', () => {
  it.each<[string, CallRun, boolean, string?]>([
    ['wire', run([{}], result()), true],
    [
      'wire',
      run([{ path: '/foo' }], result()),
      false,
      'The client sent POST "/foo" (request 1); expected: POST / with X-Amz-Target AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask, Content-Type application/x-amz-json-1.0, a SigV4 Authorization for partnercentral-selling in us-east-1.',
    ],
    ['wire', run([{ headers: { 'content-type': 'application/json' } }], result()), false],
    [
      'wire',
      run([{ body: { ...INPUT, ClientToken: 'other' } }], result()),
      false,
      'The client sent ClientToken "other" (request 1); expected: the input\'s ClientToken "tok".',
    ],
    [
      'wire',
      run(
        [{ body: { ClientToken: 'tok', Identifier: 'engi-0123456789abc', Catalog: 'Sandbox' } }],
        result(),
      ),
      true,
    ],
    [
      'reports',
      run([{}], { kind: 'crash', reason: 'boom' }),
      false,
      'The client crashed (crash: boom); expected: a reported result or error.',
    ],
    [
      'answers',
      run([{}], { kind: 'hang', reason: 'x' }),
      false,
      'The client did not report within the 10000 ms deadline although attempt 1 was answered (200); expected: a reported result or error soon after the last answer.',
    ],
    ['patience', run([{ outcome: 'hang' }], { kind: 'hang', reason: 'x' }), false],
    ['patience', run([{ outcome: 'hang' }], error('TimeoutError')), true],
    [
      'sends',
      run([], error('TimeoutError')),
      false,
      'The client reported error TimeoutError without sending a request; expected: a call to the service, then its outcome.',
    ],
    ['success-reported', run([{}], error('UnknownError')), false],
    ['result-has-task', run([{ status: 200, response: [], step: 'malformed' }], result({})), false],
    [
      'result-from-answer',
      run([{ status: 200, response: '<html>', step: 'malformed' }], result()),
      false,
      'The client reported result TaskStatus="IN_PROGRESS" TaskId="task-0123456789abc" although no answer carried a task (200 (malformed)); expected: the TaskId and TaskStatus of the last task the service sent, or an error.',
    ],
    ['result-from-answer', run([{}], result({ ...TASK, TaskId: 'task-zzzzzzzzzzzzz' })), false],
    [
      'result-from-answer',
      run(
        [
          {
            response: {
              ...TASK,
              TaskStatus: 'COMPLETE',
              OpportunityId: 'O1',
              ResourceSnapshotJobId: 'job-0123456789abc',
            },
          },
        ],
        result({ ...TASK, TaskStatus: 'COMPLETE' }),
      ),
      false,
      'The client reported OpportunityId null with TaskStatus COMPLETE; expected: OpportunityId "O1" as the service sent it.',
    ],
    ['result-from-answer', run([{}], result()), true],
    ['error-name', run([conflict], error('ConflictException')), true],
    ['error-name', run([conflict], error('ResourceNotFoundException')), false],
    [
      'error-name',
      run([{ ...conflict, names: { header: 'ConflictException' } }], error('400')),
      true,
    ],
    [
      'protocol-gap',
      run([{ ...conflict, names: { header: 'ConflictException' } }], error('400')),
      false,
    ],
    [
      'protocol-gap',
      run(
        [
          {
            ...conflict,
            names: { type: 'ConflictException', header: 'ResourceNotFoundException' },
          },
        ],
        error('ResourceNotFoundException'),
      ),
      true,
    ],
    // A final error in a gap form, answered with a server clock 20 minutes off: the JS SDK corrects its
    // clock from Date and retries once (as stops-on-final allows). Found by the SDK matrix's fuzz run.
    [
      'protocol-gap',
      run(
        [
          { status: 403, names: { header: 'UnknownPartnerException' }, clockSkewMs: 1_200_000 },
          { at: 150, clockSkewMs: 1_200_000 },
        ],
        result(),
      ),
      true,
    ],
    [
      'protocol-gap',
      run([{ status: 403, names: { header: 'UnknownPartnerException' } }, { at: 150 }], result()),
      false,
      'The client retried after attempt 1 got 403 UnknownPartnerException, which is final; expected: no retry of a non-throttling error.',
    ],
    [
      'stops-on-final',
      run([conflict, conflict], error('ConflictException')),
      false,
      'The client retried after attempt 1 got 409 ConflictException, which is final; expected: the outcome of that answer, with no further request.',
    ],
    ['stops-on-final', run([{}, {}], result()), false],
    [
      'retries-transient',
      run([unavailable], error('UnknownError')),
      false,
      'The client gave up after one attempt that got 503, and reported error UnknownError; expected: a retry with the same ClientToken and body.',
    ],
    ['retries-transient', run([{ outcome: 'reset-before' }, {}], result()), true],
    ['retries-timeout', run([{ outcome: 'hang' }], error('TimeoutError')), false],
    [
      'same-request',
      run([unavailable, { body: { ...INPUT, ClientToken: 'new' } }], result()),
      false,
    ],
    [
      'same-request',
      run(
        [
          unavailable,
          { body: { Identifier: 'engi-0123456789abc', ClientToken: 'tok', Catalog: 'Sandbox' } },
        ],
        result(),
      ),
      true,
    ],
    [
      'bounded',
      run(
        Array.from({ length: 11 }, () => unavailable),
        error('UnknownError'),
      ),
      false,
      'The client sent 11 requests for one call; expected: at most 10 attempts.',
    ],
    [
      'backoff',
      run(
        Array.from({ length: 5 }, (_, i) => ({ ...unavailable, at: i * 10 })),
        error('UnknownError'),
      ),
      false,
    ],
    [
      'backoff',
      run(
        Array.from({ length: 5 }, (_, i) => ({ ...unavailable, at: i * 30 })),
        error('UnknownError'),
      ),
      true,
    ],
    [
      'retry-after',
      run(
        [
          { status: 429, names: { type: 'ThrottlingException' }, retryAfter: '1', at: 0 },
          { at: 300 },
        ],
        result(),
      ),
      false,
      'The client retried 295 ms after a 429 ThrottlingException with Retry-After: 1; expected: a wait of about 1000 ms.',
    ],
    [
      'retry-after',
      run(
        [
          { status: 429, names: { type: 'ThrottlingException' }, retryAfter: '1', at: 0 },
          { at: 950 },
        ],
        result(),
      ),
      true,
    ],
    [
      'one-task',
      run([{}], result(), {
        tasks: [
          { TaskId: 'a', EngagementInvitationId: 'e' },
          { TaskId: 'b', EngagementInvitationId: 'e' },
        ],
      }),
      false,
    ],
    ['invalid-input', run([], result(), { inputValid: false }), false],
    ['invalid-input', run([], error('ClientValidationError'), { inputValid: false }), true],
    ['invalid-input', run([], error('SerializationException'), { inputValid: false }), false],
  ])('%s on a hand-built run', (rule, callRun, passed, message) => {
    const found = finding(rule, callRun)
    expect(found?.passed).toBe(passed)
    if (message !== undefined) expect(found?.message).toBe(message)
  })

  it("gives a retry that lost the race with the client's timer the benefit of the doubt (a slow answer written < 50 ms before the close)", () => {
    const racing = run([conflict, conflict], error('ConflictException'))
    const slow = (item: JournalEntry, index: number, closedAfter: number): JournalEntry =>
      index === 0
        ? {
            ...item,
            answeredAtMs: Date.parse(item.time) + 1000,
            closedAtMs: Date.parse(item.time) + 1000 + closedAfter,
          }
        : { ...item, time: new Date(Date.parse(item.time) + 1100).toISOString() }
    const raced = racing.journal.map((item, index) => slow(item, index, 10))
    expect(finding('stops-on-final', { ...racing, journal: raced })?.passed).toBe(true)
    // A client that reads a prompt answer and closes (a process per call) raced nothing.
    const prompt = racing.journal.map((item, index) =>
      index === 0 ? { ...item, closedAtMs: (item.answeredAtMs ?? 0) + 2 } : item,
    )
    expect(finding('stops-on-final', { ...racing, journal: prompt })?.passed).toBe(false)
    // Nor does a slow answer the client closed well after.
    const late = racing.journal.map((item, index) => slow(item, index, 200))
    expect(finding('stops-on-final', { ...racing, journal: late })?.passed).toBe(false)
  })

  it('does not bind an attempt to an answer written after it had started', () => {
    const overtaken = run(
      [
        { ...conflict, at: 0 },
        { ...conflict, at: 1000 },
      ],
      error('ConflictException'),
    )
    const journal = overtaken.journal.map((item, index) =>
      index === 0 ? { ...item, answeredAtMs: T0 + 1500 } : item,
    )
    expect(finding('stops-on-final', { ...overtaken, journal })?.passed).toBe(true)
  })

  it('does not excuse a prompt answer because the client reported a network error', () => {
    const callRun = run([{}], error('NetworkError'))
    const journal = callRun.journal.map((item) => ({
      ...item,
      closedAtMs: (item.answeredAtMs ?? 0) + 3,
    }))
    expect(finding('success-reported', { ...callRun, journal })?.passed).toBe(false)
  })

  it('judges every rule of the catalog: each rule but the frame is fed by some scenario', () => {
    const fed = new Set(scenarioCatalog().flatMap((scenario) => scenario.rules))
    expect(RULEBOOK.map((rule) => rule.id).filter((id) => !fed.has(id))).toEqual([])
  })

  it('fails loudly on a scenario that feeds no rule beyond the frame', () => {
    expect(rulesFedBy({ expect: { kind: 'reported' }, steps: [] })).toContain('result-from-answer')
  })
})
