import { describe, expect, it } from 'vitest'
import {
  describeJournalEntry,
  describeOutcome,
  renderConsole,
} from '../../../src/harness/reporters/render-console.js'
import { FAILED_SCENARIO, PASSED_SCENARIO, reportFixture } from './report-fixture.js'

function matrixRow(text: string, id: string): string[] {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${id} `))
  expect(line, `a matrix row for ${id}`).toBeDefined()
  return (line ?? '').trim().split(/\s+/).slice(1)
}

describe('renderConsole', () => {
  const text = renderConsole(reportFixture())

  it('marks each rule column of each scenario', () => {
    expect(text.split('\n')).toContain(
      'scenario             1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21',
    )
    const row = (marks: Readonly<Record<number, string>>): string[] =>
      Array.from({ length: 21 }, (_, index) => marks[index + 1] ?? '·')
    expect(matrixRow(text, 'success.in-progress')).toEqual(row({ 1: '✓', 7: '✓' }))
    expect(matrixRow(text, 'error.throttling')).toEqual(row({ 1: '✓', 11: '✗', 19: '✗' }))
    expect(text).toContain('polling.complete     skip: needs a client that polls (--polls)')
  })

  it('counts each rule', () => {
    const lines = text.split('\n')
    expect(lines.find((line) => line.startsWith(' 1 '))).toMatch(
      /^ 1 must\s+2 passed\s+0 failed {2}wire: every request is POST/,
    )
    expect(lines.find((line) => line.startsWith(' 7 '))).toMatch(
      /^ 7 must\s+1 passed\s+0 failed {2}result-from-answer: /,
    )
    expect(lines.find((line) => line.startsWith('11 '))).toMatch(
      /^11 must\s+0 passed\s+1 failed {2}retries-transient: /,
    )
    expect(lines.find((line) => line.startsWith('19 '))).toMatch(
      /^19 should\s+0 passed\s+1 failed {2}retry-after: /,
    )
    expect(lines.find((line) => line.startsWith('20 '))).toMatch(
      /^20 should\s+0 passed\s+0 failed {2}patience: /,
    )
  })

  it('explains the failed scenario with messages, outcome and journal', () => {
    const failure = text.slice(text.indexOf('failed scenarios (1)'))
    expect(failure).toContain('✗ error.throttling — Throttled twice, then a success')
    expect(failure).toContain(
      '  rule 11 retries-transient (must): The client reported </script><b>&"\' ]]> \\u0001 a|b\n    second line; expected: a retry.',
    )
    expect(failure).toContain('  rule 19 retry-after (should): The client waited 0 ms')
    expect(failure).toContain('  outcome: error ThrottlingException: Rate exceeded')
    expect(failure).toContain('    | warn: </script>')
    expect(failure).toContain(
      '  journal (1 request):\n    #1 03:04:01.123Z POST /?q=</script><b>&"\' ]]> \\u0001|x AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask → 429 ThrottlingException step=error respond',
    )
    expect(failure).not.toContain('success.in-progress')
  })

  it('never passes control characters through', () => {
    expect(text).not.toMatch(/(?!\n)\p{Cc}/u)
  })

  it('ends with the verdict line', () => {
    expect(
      text.endsWith(
        '\neck check: FAIL — 1 passed, 1 failed, 1 skipped (must failures 1, should failures 1) in 3.3 s\n',
      ),
    ).toBe(true)
    expect(
      renderConsole(reportFixture([PASSED_SCENARIO]))
        .trimEnd()
        .split('\n')
        .at(-1),
    ).toBe(
      'eck check: PASS — 1 passed, 0 failed, 0 skipped (must failures 0, should failures 0) in 3.3 s',
    )
    // A failed should rule alone does not fail the verdict.
    expect(
      renderConsole(
        reportFixture([
          PASSED_SCENARIO,
          {
            ...FAILED_SCENARIO,
            findings: FAILED_SCENARIO.findings.filter(
              (finding) => finding.check !== 'retries-transient',
            ),
          },
        ]),
      )
        .trimEnd()
        .split('\n')
        .at(-1),
    ).toBe(
      'eck check: PASS — 1 passed, 1 failed, 0 skipped (must failures 0, should failures 1) in 3.3 s',
    )
    // Nothing judged: no verdict.
    expect(renderConsole(reportFixture([])).trimEnd().split('\n').at(-1)).toBe(
      'eck check: NO VERDICT — 0 passed, 0 failed, 0 skipped (must failures 0, should failures 0) in 3.3 s',
    )
  })

  it('keeps lines of a fixture-sized report reasonably short outside messages', () => {
    const matrix = text
      .split('\n')
      .filter((line) => /^(scenario|success|error|polling)\S* /.test(line))
    expect(matrix.every((line) => line.length <= 88)).toBe(true)
  })
})

describe('describeOutcome', () => {
  it.each([
    [undefined, 'none (not run)'],
    [{ kind: 'result', result: { TaskStatus: 'COMPLETE' } }, 'result TaskStatus="COMPLETE"'],
    [
      {
        kind: 'result',
        result: { TaskId: 'task-1', ReasonCode: 'X', TaskStatus: 'FAILED', Message: 'm' },
      },
      'result TaskStatus="FAILED" TaskId="task-1" ReasonCode="X" {"Message":"m"}',
    ],
    [{ kind: 'result', result: {} }, 'result (no TaskStatus, TaskId or ReasonCode)'],
    [{ kind: 'error', name: 'ConflictException', message: '' }, 'error ConflictException'],
    [{ kind: 'crash', reason: 'exit code 2' }, 'crash: exit code 2'],
    [{ kind: 'hang', reason: 'no answer in 10000 ms' }, 'hang: no answer in 10000 ms'],
  ] as const)('describes %j', (outcome, text) => {
    expect(describeOutcome(outcome)).toBe(text)
  })
})

describe('describeJournalEntry', () => {
  it('shows a request that was never answered', () => {
    expect(
      describeJournalEntry({
        seq: 3,
        time: 'now',
        method: 'GET',
        path: '/x',
        headers: {},
        body: '',
        outcome: 'hang',
      }),
    ).toBe('#3 now GET /x (no x-amz-target) → no status step=- hang')
  })
})
