/**
 * The clock: a client whose clock is off by more than the 15 minutes the front door allows corrects it
 * from the answer's `Date` header and succeeds on its retry (JS and Go do; botocore does not, so this
 * is a should: a client that reports the refusal by its name breaks no must).
 */
import type { JournalEntry } from '../../mock/journal.js'
import { describeOutcome } from '../call-run.js'
import { fail, pass, type Rule } from '../rule.js'

/** How far a request's signing time was from the server's clock, e.g. `20 minutes behind`. */
function offBy(entry: JournalEntry): string {
  const stamp = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(
    entry.headers['x-amz-date'] ?? '',
  )
  if (stamp === null) return 'far from'
  const part = (index: number): number => Number(stamp[index])
  const signedAt = Date.UTC(part(1), part(2) - 1, part(3), part(4), part(5), part(6))
  const off = signedAt - (Date.parse(entry.time) + (entry.clockSkewMs ?? 0))
  return `${String(Math.round(Math.abs(off) / 60_000))} minutes ${off < 0 ? 'behind' : 'ahead of'}`
}

/** Rule `corrects-clock` (should). */
export const CORRECTS_CLOCK_RULE: Rule = {
  id: 'corrects-clock',
  severity: 'should',
  title:
    "a signature refused because the client's clock is more than 15 minutes off the server's is signed again with the clock corrected from the answer's Date header, and the call succeeds",
  feeds: (shape) => shape.steps.some((step) => step.kind === 'skew'),
  judge(run, facts) {
    const refusals = facts.attempts.filter(
      (attempt) => attempt.reached && attempt.entry.rejectedFor === 'clock',
    )
    const first = refusals[0]
    if (first === undefined || run.outcome.kind === 'crash' || run.outcome.kind === 'hang')
      return undefined
    const off = offBy(first.entry)
    if (facts.last?.entry.rejectedFor !== 'clock')
      return pass(
        'corrects-clock',
        `signed again at the server's time after a signature ${off} the server's clock (${String(facts.attempts.length)} attempts)`,
      )
    return fail(
      'corrects-clock',
      `reported ${describeOutcome(run.outcome)} after ${String(refusals.length)} refusal(s) of a signature made ${off} the server's clock (${first.said})`,
      "a retry signed at the server's time (the clock offset taken from the answer's Date header), and the call's result",
    )
  },
}
