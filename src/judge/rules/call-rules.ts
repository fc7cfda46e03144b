/**
 * The call itself: the client reports (never crashes), reports in time when the service answered,
 * sends a valid call before it reports, and gives up on a service that never answers.
 */
import type { Step } from '../../mock/behaviour-script.js'
import { describeOutcome } from '../call-run.js'
import { fail, pass, type Rule } from '../rule.js'

const hasStep = (steps: readonly Step[], kind: Step['kind']): boolean =>
  steps.some((step) => step.kind === kind)

/** Rule `reports` (must). */
export const REPORTS_RULE: Rule = {
  id: 'reports',
  severity: 'must',
  title: 'the client reports a result or an error, whatever the service answers; it never crashes',
  feeds: () => true,
  judge(run) {
    if (run.outcome.kind === 'crash')
      return fail(
        'reports',
        `crashed (${describeOutcome(run.outcome)})`,
        'a reported result or error',
      )
    return pass('reports', `did not crash`)
  },
}

/** Rule `answers` (must). */
export const ANSWERS_RULE: Rule = {
  id: 'answers',
  severity: 'must',
  title: 'when the service answered, the client reports before the deadline',
  feeds: () => true,
  judge(run, facts) {
    // A service that never answered the last attempt is the patience rule's.
    if (facts.last?.answer === 'no-answer') return undefined
    if (run.outcome.kind !== 'hang') return pass('answers', 'reported in time')
    return fail(
      'answers',
      facts.last === undefined
        ? `sent nothing and did not report within the ${run.deadlineMs} ms deadline`
        : `did not report within the ${run.deadlineMs} ms deadline although attempt ${facts.last.number} was answered (${facts.last.said})`,
      'a reported result or error soon after the last answer',
    )
  },
}

/** Rule `sends` (must). */
export const SENDS_RULE: Rule = {
  id: 'sends',
  severity: 'must',
  title: 'for a valid input the client sends the call before it reports',
  feeds: (shape) => shape.expect.kind !== 'refused',
  judge(run, facts) {
    if (!run.inputValid || run.outcome.kind === 'crash' || run.outcome.kind === 'hang')
      return undefined
    if (facts.attempts.length > 0) return pass('sends', `sent ${facts.attempts.length} request(s)`)
    return fail(
      'sends',
      `reported ${describeOutcome(run.outcome)} without sending a request`,
      'a call to the service, then its outcome',
    )
  },
}

/** Rule `patience` (should). */
export const PATIENCE_RULE: Rule = {
  id: 'patience',
  severity: 'should',
  title:
    'a service that never answers is given up with an error before the deadline (set a request timeout)',
  feeds: (shape) => hasStep(shape.steps, 'hang'),
  judge(run, facts) {
    if (facts.last?.answer !== 'no-answer' || run.outcome.kind === 'crash') return undefined
    if (run.outcome.kind === 'hang')
      return fail(
        'patience',
        `did not give up within the ${run.deadlineMs} ms deadline (attempt ${facts.last.number} was never answered)`,
        'an error (e.g. TimeoutError) before the deadline: set a request timeout',
      )
    return pass(
      'patience',
      `gave up after ${Math.round(run.durationMs)} ms with ${describeOutcome(run.outcome)}`,
    )
  },
}
