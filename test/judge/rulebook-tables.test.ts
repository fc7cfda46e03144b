/**
 * The rulebook's tables: ids, numbers, severities, which scenario shapes feed which rules, the frame
 * every call feeds, the loud failure on a scenario that feeds nothing, and the verdict of findings.
 */
import { describe, expect, it } from 'vitest'
import {
  assertFeedsRules,
  failsVerdict,
  RULE_IDS,
  ruleInfo,
  RULES,
  rulesFedBy,
  shapeSteps,
} from '../../src/judge/rulebook.js'
import type { ScenarioShape } from '../../src/judge/rule.js'

const FRAME = ['wire', 'reports', 'answers', 'sends', 'same-request', 'bounded', 'one-task']

describe('the rulebook tables', () => {
  it('numbers the rules 1 to 21 in report order, musts first', () => {
    expect(RULE_IDS.map((id) => `${ruleInfo(id).number} ${id} ${ruleInfo(id).severity}`)).toEqual([
      '1 wire must',
      '2 reports must',
      '3 answers must',
      '4 sends must',
      '5 success-reported must',
      '6 result-has-task must',
      '7 result-from-answer must',
      '8 polls must',
      '9 error-name must',
      '10 stops-on-final must',
      '11 retries-transient must',
      '12 same-request must',
      '13 bounded must',
      '14 one-task must',
      '15 invalid-input must',
      '16 protocol-gap should',
      '17 retries-timeout should',
      '18 backoff should',
      '19 retry-after should',
      '20 patience should',
      '21 corrects-clock should',
    ])
    expect(Object.keys(RULES)).toEqual(RULE_IDS)
    for (const id of RULE_IDS) expect(ruleInfo(id).title.length).toBeGreaterThan(30)
  })

  it('reads an unknown rule id as a must of its own name, number 0', () => {
    expect(ruleInfo('task-model')).toEqual({
      id: 'task-model',
      number: 0,
      severity: 'must',
      title: 'task-model',
    })
  })

  it.each<[string, ScenarioShape, string[]]>([
    [
      'a first-try result',
      { expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 1 }, steps: [] },
      ['success-reported', 'result-has-task', 'result-from-answer', 'stops-on-final'],
    ],
    [
      'a polled result',
      { expect: { kind: 'result', taskStatus: 'COMPLETE', attempts: 1, polled: true }, steps: [] },
      ['success-reported', 'result-has-task', 'result-from-answer', 'polls', 'stops-on-final'],
    ],
    [
      'a retried result',
      {
        expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 },
        steps: [{ kind: 'reset-before' }],
      },
      [
        'success-reported',
        'result-has-task',
        'result-from-answer',
        'stops-on-final',
        'retries-transient',
      ],
    ],
    [
      'an error in the agreed form',
      {
        expect: { kind: 'error', name: 'ConflictException' },
        steps: [{ kind: 'error', name: 'ConflictException' }],
      },
      ['error-name', 'stops-on-final'],
    ],
    [
      'an error named in the header only',
      {
        expect: { kind: 'error', name: 'ConflictException' },
        steps: [{ kind: 'error', name: 'ConflictException', encoding: 'header-bare' }],
      },
      ['stops-on-final', 'protocol-gap'],
    ],
    [
      'an error whose body and header disagree',
      {
        expect: { kind: 'error', name: 'ConflictException' },
        steps: [{ kind: 'error', name: 'X', members: { __type: 'ConflictException' } }],
      },
      ['stops-on-final', 'protocol-gap'],
    ],
    [
      'a persistent 503',
      { expect: { kind: 'gives-up' }, steps: [{ kind: 'http', status: 503 }] },
      ['error-name', 'retries-transient', 'backoff'],
    ],
    [
      'a persistent throttling 400',
      {
        expect: { kind: 'gives-up', name: 'ThrottlingException' },
        steps: [{ kind: 'error', name: 'ThrottlingException', status: 400 }],
      },
      ['error-name', 'retries-transient', 'backoff'],
    ],
    [
      'a RequestTimeout',
      {
        expect: { kind: 'gives-up' },
        steps: [{ kind: 'error', name: 'RequestTimeoutException', status: 400 }],
      },
      ['error-name', 'retries-transient', 'backoff'],
    ],
    [
      'a 429 with Retry-After',
      {
        expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 },
        steps: [{ kind: 'error', name: 'ThrottlingException', status: 429, retryAfter: '1' }],
      },
      [
        'success-reported',
        'result-has-task',
        'result-from-answer',
        'stops-on-final',
        'retries-transient',
        'retry-after',
      ],
    ],
    [
      'a proxy page with Retry-After',
      { expect: { kind: 'reported' }, steps: [{ kind: 'http', status: 503, retryAfter: '1' }] },
      ['result-has-task', 'result-from-answer', 'retries-transient', 'retry-after'],
    ],
    [
      'a lost response',
      {
        expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 },
        steps: [{ kind: 'reset-after' }],
      },
      [
        'success-reported',
        'result-has-task',
        'result-from-answer',
        'stops-on-final',
        'retries-transient',
      ],
    ],
    [
      'a 500 error by default status',
      { expect: { kind: 'gives-up' }, steps: [{ kind: 'error', name: 'InternalServerException' }] },
      ['error-name', 'retries-transient', 'backoff'],
    ],
    [
      'a 409 by default status',
      {
        expect: { kind: 'error', name: 'ConflictException' },
        steps: [{ kind: 'error', name: 'ConflictException' }, { kind: 'pass' }],
      },
      ['error-name', 'stops-on-final'],
    ],
    [
      'an unknown name at 400',
      {
        expect: { kind: 'error', name: 'SomeFutureException' },
        steps: [{ kind: 'error', name: 'SomeFutureException' }],
      },
      ['error-name', 'stops-on-final'],
    ],
    [
      'a malformed answer',
      { expect: { kind: 'reported' }, steps: [{ kind: 'malformed', form: 'html-200' }] },
      ['result-has-task', 'result-from-answer'],
    ],
    ['an invalid input', { expect: { kind: 'refused' }, steps: [] }, ['invalid-input']],
    [
      'a retryable front-door error once',
      {
        expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 },
        steps: [{ kind: 'front-door', name: 'ServiceUnavailable' }],
      },
      [
        'success-reported',
        'result-has-task',
        'result-from-answer',
        'stops-on-final',
        'retries-transient',
      ],
    ],
    [
      'a front-door ThrottlingException at 400 on every attempt',
      {
        expect: { kind: 'gives-up', name: 'ThrottlingException' },
        steps: [{ kind: 'front-door', name: 'ThrottlingException' }],
      },
      ['error-name', 'retries-transient', 'backoff'],
    ],
    [
      'a final front-door error',
      {
        expect: { kind: 'error', name: 'ExpiredTokenException' },
        steps: [{ kind: 'front-door', name: 'ExpiredTokenException', status: 403 }],
      },
      ['error-name', 'stops-on-final'],
    ],
    [
      "a server clock 20 minutes off the client's",
      { expect: { kind: 'reported' }, steps: [{ kind: 'skew', skewMs: 1_200_000 }] },
      ['result-has-task', 'result-from-answer', 'error-name', 'corrects-clock'],
    ],
    [
      'a silent server',
      { expect: { kind: 'timeout' }, steps: [{ kind: 'hang' }] },
      ['retries-timeout', 'patience'],
    ],
  ])('%s feeds the frame and these rules', (_name, shape, rules) => {
    const frame = shape.expect.kind === 'refused' ? FRAME.filter((id) => id !== 'sends') : FRAME
    expect(new Set(rulesFedBy(shape))).toEqual(new Set([...frame, ...rules]))
  })

  it('fails loudly, naming the scenario and the fix, on a scenario that feeds only the frame', () => {
    const shape: ScenarioShape = { expect: { kind: 'error', name: 'X' }, steps: [] }
    expect(rulesFedBy({ ...shape, expect: { kind: 'reported' } })).toContain('result-from-answer')
    const wired = assertFeedsRules('error.X', {
      expect: { kind: 'error', name: 'X' },
      steps: [{ kind: 'error', name: 'X' }],
    })
    expect(wired).toContain('error-name')
    expect(() =>
      assertFeedsRules('mis.wired', { expect: { kind: 'gives-up' }, steps: [] }),
    ).not.toThrow()
    const nothing = { expect: { kind: 'timeout' }, steps: [] } satisfies ScenarioShape
    expect(() => assertFeedsRules('mis.wired', nothing)).toThrow(
      'Scenario "mis.wired" feeds no rule beyond the frame of every call (wire, reports, answers, sends, same-request, bounded, one-task): give it an expectation and a script that some rule judges.',
    )
  })

  it("collects a script's steps and its persistent tail", () => {
    expect(shapeSteps()).toEqual([])
    expect(shapeSteps([{ kind: 'hang' }])).toEqual([{ kind: 'hang' }])
    expect(shapeSteps([{ kind: 'hang' }], { kind: 'pass' })).toEqual([
      { kind: 'hang' },
      { kind: 'pass' },
    ])
  })

  it('fails the verdict on a failed must, and on a failed should only when strict', () => {
    const must = { check: 'wire', passed: false, message: '' }
    const should = { check: 'patience', passed: false, message: '' }
    const passed = { check: 'wire', passed: true, message: '' }
    expect([
      failsVerdict([must]),
      failsVerdict([should]),
      failsVerdict([should], true),
      failsVerdict([passed], true),
      failsVerdict([]),
    ]).toEqual([true, false, true, false, false])
  })
})
