/**
 * The clock: a client whose clock is off by more than the 15 minutes the front door allows corrects it
 * from the answer's `Date` header and succeeds on its retry (JS and Go do; botocore does not, so this
 * is a should: a client that reports the refusal by its name breaks no must).
 */
import { describeOutcome } from '../call-run.js'
import { fail, pass, type Rule } from '../rule.js'

const minutes = (ms: number): string => `${String(Math.round(Math.abs(ms) / 60_000))} minutes`

/** Rule `corrects-clock` (should). */
export const CORRECTS_CLOCK_RULE: Rule = {
  id: 'corrects-clock',
  severity: 'should',
  title:
    "a signature refused because the client's clock is more than 15 minutes off the server's is signed again with the clock corrected from the answer's Date header, and the call succeeds",
  feeds: (shape) => shape.steps.some((step) => step.kind === 'skew'),
  judge(run, facts) {
    const refusals = facts.attempts.filter(
      (attempt) => attempt.surely && attempt.entry.rejectedFor === 'clock',
    )
    const first = refusals[0]
    if (first === undefined || run.outcome.kind === 'crash' || run.outcome.kind === 'hang')
      return undefined
    const off = minutes(first.entry.clockSkewMs ?? 0)
    if (facts.last?.entry.rejectedFor !== 'clock')
      return pass(
        'corrects-clock',
        `signed again at the server's time after a clock ${off} off (${String(facts.attempts.length)} attempts)`,
      )
    return fail(
      'corrects-clock',
      `reported ${describeOutcome(run.outcome)} after ${String(refusals.length)} refusal(s) of a signature made with a clock ${off} off the server's (${first.said})`,
      "a retry signed at the server's time (the clock offset taken from the answer's Date header), and the call's result",
    )
  },
}
