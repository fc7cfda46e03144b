/**
 * The fuzzer's oracle: invariants that must hold for any input and any server behaviour, judged from
 * what the simulator saw (the journal) and what the client reported.
 */
import { checkInvalidInput } from '../harness/checks/outcome-checks.js'
import { MAX_ATTEMPTS, RETRY_AFTER_MIN_WAIT_MS } from '../harness/checks/check-info.js'
import { checkWire } from '../harness/checks/wire-check.js'
import {
  acceptedTaskStatuses,
  describeOutcome,
  startAttempts,
  type ScenarioRun,
} from '../harness/scenario-run.js'
import type { Step } from '../mock/behaviour-script.js'
import type { JournalEntry } from '../mock/journal.js'
import type { FuzzCase } from './fuzz-case.js'

/** The invariants, each a rule a correct client keeps whatever happens. */
export const INVARIANTS = {
  'no-crash': 'the client reports a result or an error; it never crashes',
  'no-hang': 'the client answers within the deadline',
  wire: 'every request is well-formed and signed (harness check 1)',
  'same-token': 'every attempt carries the same ClientToken and body',
  'bounded-attempts': `at most ${MAX_ATTEMPTS} attempts`,
  'retry-classification':
    'throttling, 5xx, resets and timeouts are retried; other errors and successes are not',
  'final-outcome': 'the reported outcome matches what the server finally said',
  'no-duplicate-task': 'one call makes at most one task, whatever was lost on the way',
  'retry-after': 'a retry after Retry-After: 1 waits about a second',
  'invalid-input':
    'an invalid input is refused or surfaces the ValidationException (harness check 9)',
  'task-model':
    'a sequence of calls leaves the tasks that a model of idempotency predicts (model-based runs)',
} as const

/** The id of an invariant. */
export type InvariantId = keyof typeof INVARIANTS

/** A broken invariant. */
export interface Violation {
  readonly invariant: InvariantId
  readonly message: string
}

/** Names the AWS SDK (and so a careful client) retries as throttling whatever the status (service-facts §5). */
const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'ThrottledException',
  'Throttling',
  'SlowDown',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'TransactionInProgressException',
])
const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504])

type AnswerClass = 'success' | 'malformed' | 'retryable' | 'final-error'

/**
 * How a correct client must treat one answer.
 * @param entry A journal entry of an attempt.
 * @returns Its class.
 */
export function classifyAnswer(entry: JournalEntry): AnswerClass {
  if (entry.outcome !== 'respond') return 'retryable'
  const status = entry.status ?? 0
  if (status >= 200 && status < 300) return entry.step === 'malformed' ? 'malformed' : 'success'
  const name = nameOf(entry)
  if (TRANSIENT_STATUS.has(status) || (name !== undefined && THROTTLING_NAMES.has(name)))
    return 'retryable'
  return 'final-error'
}

/** The error name an answer carried, if any (the journal says `HTTP 503` for a nameless proxy page). */
function nameOf(entry: JournalEntry): string | undefined {
  return entry.errorName === undefined || /^HTTP \d{3}$/.test(entry.errorName)
    ? undefined
    : entry.errorName
}

/** The task members of a 200 answer, as the server sent them. */
function answeredTask(entry: JournalEntry): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(entry.response ?? '')
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

function stepOf(fuzz: FuzzCase, entry: JournalEntry): Step {
  return fuzz.steps[(entry.attempt ?? 1) - 1] ?? fuzz.then ?? { kind: 'pass' }
}

function tokenOf(body: string): string {
  try {
    return JSON.stringify(
      (JSON.parse(body) as { ClientToken?: unknown } | null)?.ClientToken ?? null,
    )
  } catch {
    return 'not JSON'
  }
}

/**
 * Judges one fuzz run.
 * @param fuzz The case.
 * @param run What happened.
 * @returns The broken invariants, none for a correct client.
 */
export function checkFuzzRun(fuzz: FuzzCase, run: ScenarioRun): Violation[] {
  const violations: Violation[] = []
  const add = (invariant: InvariantId, message: string): void => {
    violations.push({ invariant, message })
  }
  const { outcome } = run
  if (outcome.kind === 'crash') add('no-crash', `The client crashed: ${outcome.reason}.`)
  if (outcome.kind === 'hang') add('no-hang', `The client did not answer: ${outcome.reason}.`)
  const wire = checkWire(run)
  if (!wire.passed) add('wire', wire.message)
  if (fuzz.invalidRule !== undefined) {
    const refused = checkInvalidInput(run)
    if (!refused.passed && outcome.kind !== 'crash' && outcome.kind !== 'hang')
      add('invalid-input', refused.message)
    return violations
  }
  const attempts = startAttempts(run.journal)
  if (attempts.length > MAX_ATTEMPTS)
    add('bounded-attempts', `The client sent ${attempts.length} requests for one call.`)
  if (
    new Set(attempts.map((entry) => tokenOf(entry.body))).size > 1 ||
    new Set(attempts.map((entry) => entry.body)).size > 1
  ) {
    add(
      'same-token',
      `The client changed the ClientToken or the body between attempts (${attempts.map((entry) => tokenOf(entry.body)).join(', ')}).`,
    )
  }
  attempts.forEach((entry, index) => {
    const last = index === attempts.length - 1
    const answer = classifyAnswer(entry)
    // An answer the client never got (it was gone first) does not bind what it did next.
    if (!last && entry.delivered !== false && (answer === 'success' || answer === 'final-error')) {
      add(
        'retry-classification',
        `The client retried after attempt ${index + 1} got ${entry.status ?? entry.outcome}${entry.errorName === undefined ? '' : ` ${entry.errorName}`}, which is final.`,
      )
    }
    const step = stepOf(fuzz, entry)
    const next = attempts[index + 1]
    if (!last && next !== undefined && step.kind === 'error' && step.retryAfter !== undefined) {
      const waited = Date.parse(next.time) - Date.parse(entry.time)
      if (waited < RETRY_AFTER_MIN_WAIT_MS)
        add('retry-after', `The client retried ${waited} ms after Retry-After: ${step.retryAfter}.`)
    }
  })
  const final = attempts[attempts.length - 1]
  if (final === undefined) {
    if (outcome.kind !== 'crash' && outcome.kind !== 'hang')
      add(
        'final-outcome',
        `The client sent nothing for a valid input and reported ${describeOutcome(outcome)}.`,
      )
  } else if ((outcome.kind === 'result' || outcome.kind === 'error') && final.delivered !== false) {
    const answer = classifyAnswer(final)
    const finalName = nameOf(final)
    const said = `${final.status ?? final.outcome}${finalName === undefined ? '' : ` ${finalName}`}`
    if (answer === 'retryable' && attempts.length === 1)
      add(
        'retry-classification',
        `The client did not retry attempt 1, which got ${said} (retryable).`,
      )
    if (answer === 'success') {
      // What the server finally said, from the response it sent (a replay returns the task as it is).
      const task = answeredTask(final)
      const status = String(task.TaskStatus)
      const reasonCode = typeof task.ReasonCode === 'string' ? task.ReasonCode : undefined
      if (outcome.kind !== 'result')
        add(
          'final-outcome',
          `The server finally answered 200 (TaskStatus ${status}); the client reported ${describeOutcome(outcome)}.`,
        )
      else if (
        outcome.result.TaskId !== final.taskId ||
        // A client that polls reports the task as it ends (the harness's rule).
        !acceptedTaskStatuses(run, status, final.taskId).has(outcome.result.TaskStatus) ||
        (reasonCode !== undefined &&
          outcome.result.TaskStatus === status &&
          outcome.result.ReasonCode !== reasonCode)
      ) {
        add(
          'final-outcome',
          `The server finally answered TaskId ${final.taskId ?? '?'} TaskStatus ${status}${reasonCode === undefined ? '' : ` ReasonCode ${reasonCode}`}; the client reported ${describeOutcome(outcome)}.`,
        )
      }
    } else if (answer === 'final-error' || answer === 'retryable') {
      if (outcome.kind !== 'error')
        add(
          'final-outcome',
          `The server finally answered ${said}; the client reported ${describeOutcome(outcome)}.`,
        )
      else if (finalName !== undefined && outcome.name !== finalName) {
        add(
          'final-outcome',
          `The server finally answered ${said}; the client reported the error as ${outcome.name}.`,
        )
      }
    }
  }
  const invitation = run.tasks.filter((task) => task.EngagementInvitationId !== undefined)
  if (invitation.length > 1)
    add(
      'no-duplicate-task',
      `One call made ${invitation.length} tasks (${invitation.map((task) => String(task.TaskId)).join(', ')}).`,
    )
  return violations
}
