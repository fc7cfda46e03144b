/**
 * Retries: final answers are not retried, transient ones are; every attempt is the same request; at
 * most 10 attempts, with backoff, honouring Retry-After; one call makes at most one task.
 */
import type { Step } from '../../mock/behaviour-script.js'
import {
  MAX_ATTEMPTS,
  RETRY_AFTER_MIN_WAIT_MS,
  THROTTLING_ERROR_NAMES,
  TRANSIENT_ERROR_NAMES,
  TIGHT_LOOP_ATTEMPTS,
  TIGHT_LOOP_GAP_MS,
  TRANSIENT_HTTP_STATUSES,
} from '../../model/retry-classes.js'
import { ERROR_INFO, isErrorName } from '../../model/errors.js'
import { FRONT_DOOR_ERRORS } from '../../model/front-door-errors.js'
import { canonicalJson } from '../canonical-json.js'
import type { AttemptFact } from '../call-facts.js'
import { describeOutcome, previewJson } from '../call-run.js'
import { fail, pass, type Rule } from '../rule.js'

/**
 * Whether a careful client retries an answer to this step whatever it reads of the error's name.
 * @param step A scripted step.
 * @returns True for throttling, 5xx, resets and lost responses.
 */
function isRetryableStep(step: Step): boolean {
  switch (step.kind) {
    case 'reset-before':
    case 'reset-after':
      return true
    case 'http':
      return TRANSIENT_HTTP_STATUSES.has(step.status)
    case 'front-door':
      return (
        FRONT_DOOR_ERRORS[step.name].retry === 'retryable' &&
        (THROTTLING_ERROR_NAMES.has(step.name) ||
          TRANSIENT_HTTP_STATUSES.has(step.status ?? FRONT_DOOR_ERRORS[step.name].httpStatus))
      )
    case 'error': {
      const status =
        step.status ?? (isErrorName(step.name) ? ERROR_INFO[step.name].httpStatus : 400)
      return (
        TRANSIENT_HTTP_STATUSES.has(status) ||
        THROTTLING_ERROR_NAMES.has(step.name) ||
        TRANSIENT_ERROR_NAMES.has(step.name)
      )
    }
    default:
      return false
  }
}

const retryable = (attempt: AttemptFact): boolean =>
  (attempt.answer === 'retryable' && !attempt.gap && attempt.surely) ||
  attempt.answer === 'reset' ||
  attempt.answer === 'lost'

/** Rule `stops-on-final` (must). */
export const STOPS_ON_FINAL_RULE: Rule = {
  id: 'stops-on-final',
  severity: 'must',
  title:
    'a success or a final error (400 other than throttling, 402, 403, 404, 409, an unknown name) that reached the client is not retried',
  feeds: (shape) => shape.expect.kind === 'result' || shape.expect.kind === 'error',
  judge(run, facts) {
    for (const attempt of facts.attempts.slice(0, -1)) {
      // A client that corrects its clock from the answer's Date header may retry a clock refusal.
      if (!attempt.surely || attempt.correctable) continue
      if (attempt.answer === 'success' || attempt.answer === 'final')
        return fail(
          'stops-on-final',
          `retried after attempt ${attempt.number} got ${attempt.said}, which is final`,
          'the outcome of that answer, with no further request',
        )
    }
    if (facts.attempts.length === 0 || run.outcome.kind === 'crash') return undefined
    return pass(
      'stops-on-final',
      `no retry after a final answer (${facts.attempts.length} request(s))`,
    )
  },
}

/** Rule `retries-transient` (must). */
export const RETRIES_TRANSIENT_RULE: Rule = {
  id: 'retries-transient',
  severity: 'must',
  title:
    'throttling (429 or a throttling name), 500/502/503/504, connection resets and lost responses are retried',
  feeds: (shape) => shape.steps.some(isRetryableStep),
  judge(run, facts) {
    const { last } = facts
    if (last === undefined || run.outcome.kind === 'crash' || run.outcome.kind === 'hang')
      return undefined
    if (!retryable(last))
      return facts.attempts.slice(0, -1).some(retryable)
        ? pass('retries-transient', `retried (${facts.attempts.length} attempts)`)
        : undefined
    if (facts.attempts.length === 1)
      return fail(
        'retries-transient',
        `gave up after one attempt that got ${last.said}, and reported ${describeOutcome(run.outcome)}`,
        'a retry with the same ClientToken and body',
      )
    return pass('retries-transient', `retried (${facts.attempts.length} attempts)`)
  },
}

/** Rule `retries-timeout` (should). */
export const RETRIES_TIMEOUT_RULE: Rule = {
  id: 'retries-timeout',
  severity: 'should',
  title:
    "an attempt that timed out is tried again (a should, not a must: a client with one overall deadline, as Go's context gives, makes a single attempt and is not broken)",
  feeds: (shape) => shape.steps.some((step) => step.kind === 'hang'),
  judge(run, facts) {
    const { last } = facts
    if (last === undefined || run.outcome.kind !== 'error') return undefined
    const timedOut =
      last.answer === 'no-answer' || (last.entry.outcome === 'respond' && !last.surely)
    // An answer that reached the client and that it reported is no timeout.
    if (!timedOut) return undefined
    if (facts.attempts.length === 1)
      return fail(
        'retries-timeout',
        `gave up after one attempt that timed out (${last.said}) and reported ${describeOutcome(run.outcome)}`,
        'another attempt with the same ClientToken',
      )
    return pass(
      'retries-timeout',
      `tried again after a timeout (${facts.attempts.length} attempts)`,
    )
  },
}

/** Rule `same-request` (must). */
export const SAME_REQUEST_RULE: Rule = {
  id: 'same-request',
  severity: 'must',
  title:
    'every attempt carries the same ClientToken and the same body (compared by meaning, not bytes)',
  feeds: () => true,
  judge(_run, facts) {
    if (facts.attempts.length < 2) return undefined
    const parsed = facts.attempts.map((attempt) => {
      try {
        return JSON.parse(attempt.entry.body) as unknown
      } catch {
        return attempt.entry.body
      }
    })
    const tokens = parsed.map((body) =>
      previewJson((body as { ClientToken?: unknown } | null)?.ClientToken ?? null),
    )
    if (new Set(tokens).size > 1)
      return fail(
        'same-request',
        `changed the ClientToken between attempts (${tokens.join(', ')})`,
        'the same ClientToken on every attempt',
      )
    const bodies = parsed.map((body) => canonicalJson(body))
    const changed = bodies.findIndex((body) => body !== bodies[0])
    if (changed > 0)
      return fail(
        'same-request',
        `changed the request body in attempt ${changed + 1}`,
        'the same body on every attempt',
      )
    return pass('same-request', `${facts.attempts.length} attempts, one ClientToken and one body`)
  },
}

/** Rule `bounded` (must). */
export const BOUNDED_RULE: Rule = {
  id: 'bounded',
  severity: 'must',
  title: `a call makes at most ${MAX_ATTEMPTS} attempts`,
  feeds: () => true,
  judge(_run, facts) {
    if (facts.attempts.length > MAX_ATTEMPTS)
      return fail(
        'bounded',
        `sent ${facts.attempts.length} requests for one call`,
        `at most ${MAX_ATTEMPTS} attempts`,
      )
    return facts.attempts.length === 0
      ? undefined
      : pass('bounded', `${facts.attempts.length} attempt(s)`)
  },
}

const startMs = (attempt: AttemptFact): number => Date.parse(attempt.entry.time)

/** Rule `backoff` (should). */
export const BACKOFF_RULE: Rule = {
  id: 'backoff',
  severity: 'should',
  title: `retries back off: ${TIGHT_LOOP_ATTEMPTS} or more attempts do not start less than ${TIGHT_LOOP_GAP_MS} ms apart on average`,
  feeds: (shape) => shape.expect.kind === 'gives-up',
  judge(_run, facts) {
    const { attempts } = facts
    const first = attempts[0]
    const last = attempts[attempts.length - 1]
    if (first === undefined || last === undefined || attempts.length < TIGHT_LOOP_ATTEMPTS)
      return undefined
    const average = (startMs(last) - startMs(first)) / (attempts.length - 1)
    if (average < TIGHT_LOOP_GAP_MS)
      return fail(
        'backoff',
        `made ${attempts.length} attempts ${average.toFixed(1)} ms apart on average (a tight loop)`,
        'a growing wait between attempts (full jitter, base 100 ms as the SDKs use)',
      )
    return pass('backoff', `${attempts.length} attempts ${Math.round(average)} ms apart on average`)
  },
}

/** The wait a `Retry-After` (seconds or an HTTP date) or `x-amz-retry-after` (ms) asks for, in ms. */
function askedWaitMs(value: string, answeredAt: number): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : date - answeredAt
}

/** Rule `retry-after` (should). */
export const RETRY_AFTER_RULE: Rule = {
  id: 'retry-after',
  severity: 'should',
  title: 'a retry after Retry-After waits as long as asked',
  feeds: (shape) =>
    shape.steps.some(
      (step) => (step.kind === 'error' || step.kind === 'http') && step.retryAfter !== undefined,
    ),
  judge(_run, facts) {
    let held: string | undefined
    for (const [index, attempt] of facts.attempts.entries()) {
      const next = facts.attempts[index + 1]
      const header = attempt.entry.retryAfter
      if (next === undefined || header === undefined || !attempt.surely) continue
      // From when the answer was written (its own time on the wire is not waiting).
      const answeredAt = attempt.entry.answeredAtMs ?? startMs(attempt)
      const asked = askedWaitMs(header, answeredAt)
      if (asked === undefined || asked <= 0) continue
      const waited = startMs(next) - answeredAt
      // Allow for the clock's resolution and the client's own scheduling.
      if (waited < asked - (1000 - RETRY_AFTER_MIN_WAIT_MS))
        return fail(
          'retry-after',
          `retried ${waited} ms after a ${attempt.said} with Retry-After: ${header}`,
          `a wait of about ${asked} ms`,
        )
      held = `waited ${waited} ms as Retry-After: ${header} asked`
    }
    return held === undefined ? undefined : pass('retry-after', held)
  },
}

/** Rule `one-task` (must). */
export const ONE_TASK_RULE: Rule = {
  id: 'one-task',
  severity: 'must',
  title:
    'one call makes at most one task, whatever was lost on the way (the same ClientToken replays the first)',
  feeds: () => true,
  judge(run) {
    const made = run.tasks.filter((task) => task.EngagementInvitationId !== undefined)
    if (made.length > 1)
      return fail(
        'one-task',
        `made ${made.length} tasks for one call (${made.map((task) => String(task.TaskId)).join(', ')})`,
        'exactly one task: a retry with the same ClientToken replays it',
      )
    return made.length === 0 ? undefined : pass('one-task', `one task (${String(made[0]?.TaskId)})`)
  },
}
