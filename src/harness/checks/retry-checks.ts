/**
 * Checks 5, 6 and 10: retries of transient failures, the lost response, and patience (timeouts and
 * Retry-After).
 */
import {
  acceptedTaskStatuses,
  answeredAttempts,
  describeOutcome,
  startAttempts,
  type ScenarioRun,
} from '../scenario-run.js'
import { fail, pass, type CheckFinding } from './check-finding.js'
import { MAX_ATTEMPTS, RETRY_AFTER_MIN_WAIT_MS } from './check-info.js'

function tokenOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { ClientToken?: unknown } | null)?.ClientToken
  } catch {
    return undefined
  }
}

/**
 * Check 5 (retried): every attempt carries the same ClientToken and body; a later success is reported
 * as one; a persistent failure stops within 10 attempts and is reported as an error.
 * @param run The run.
 * @returns The finding.
 */
export function checkRetried(run: ScenarioRun): CheckFinding {
  const attempts = startAttempts(run.journal)
  const expectation = run.scenario.expect
  const { outcome } = run
  if (attempts.length > MAX_ATTEMPTS)
    return fail('retried', `sent ${attempts.length} requests`, `at most ${MAX_ATTEMPTS} attempts`)
  const tokens = new Set(attempts.map((entry) => JSON.stringify(tokenOf(entry.body) ?? null)))
  if (tokens.size > 1)
    return fail(
      'retried',
      `changed the ClientToken between attempts (${[...tokens].join(', ')})`,
      'the same ClientToken on every attempt',
    )
  const bodies = new Set(attempts.map((entry) => entry.body))
  if (bodies.size > 1)
    return fail(
      'retried',
      'changed the request body between attempts',
      'the same body on every attempt',
    )
  const answered = answeredAttempts(run.journal).length
  if (expectation.kind === 'result') {
    const wanted = `a retry (${expectation.attempts} requests in all), then the result TaskStatus ${expectation.taskStatus}`
    if (attempts.length < expectation.attempts)
      return fail(
        'retried',
        `sent ${attempts.length} request(s) and reported ${describeOutcome(outcome)}`,
        wanted,
      )
    if (
      outcome.kind !== 'result' ||
      !acceptedTaskStatuses(run, expectation.taskStatus, outcome.result.TaskId).has(
        outcome.result.TaskStatus,
      )
    )
      return fail(
        'retried',
        `reported ${describeOutcome(outcome)} after ${attempts.length} requests`,
        wanted,
      )
    if (answered !== expectation.attempts)
      return fail('retried', `sent ${attempts.length} requests (${answered} answered)`, wanted)
    return pass('retried', `retried with one ClientToken and reported ${describeOutcome(outcome)}`)
  }
  if (expectation.kind === 'gives-up') {
    const wanted = `retries (2 to ${MAX_ATTEMPTS} attempts), then an error${expectation.name === undefined ? '' : ` named ${expectation.name}`}`
    if (attempts.length < 2)
      return fail(
        'retried',
        `sent ${attempts.length} request(s) and reported ${describeOutcome(outcome)}`,
        wanted,
      )
    if (outcome.kind !== 'error')
      return fail(
        'retried',
        `reported ${describeOutcome(outcome)} after ${attempts.length} requests`,
        wanted,
      )
    if (expectation.name !== undefined && outcome.name !== expectation.name)
      return fail('retried', `reported ${describeOutcome(outcome)}`, wanted)
    return pass(
      'retried',
      `gave up after ${attempts.length} attempts with ${describeOutcome(outcome)}`,
    )
  }
  return pass('retried', 'not a retry scenario')
}

/**
 * Check 6 (lost-response): after a response lost to a reset, the simulator holds exactly one task for
 * the invitation, and the client reports that task.
 * @param run The run.
 * @returns The finding.
 */
export function checkLostResponse(run: ScenarioRun): CheckFinding {
  const invitation = run.scenario.invitationId
  const tasks = run.tasks.filter(
    (task) => invitation === undefined || task.EngagementInvitationId === invitation,
  )
  if (tasks.length !== 1)
    return fail(
      'lost-response',
      `left ${tasks.length} tasks for the invitation (a retry with a new ClientToken makes a second one)`,
      'exactly one task',
    )
  const reported = run.outcome.kind === 'result' ? run.outcome.result.TaskId : undefined
  if (reported !== tasks[0]?.TaskId)
    return fail(
      'lost-response',
      `reported ${describeOutcome(run.outcome)}`,
      `the one task ${JSON.stringify(tasks[0]?.TaskId)}`,
    )
  return pass('lost-response', `one task (${String(reported)}), reported`)
}

/**
 * Check 10 (patience, should): a server that never answers is given up within the deadline; after a
 * `Retry-After: 1` the retry waits about a second.
 * @param run The run.
 * @returns The finding.
 */
export function checkPatience(run: ScenarioRun): CheckFinding {
  const { outcome } = run
  if (run.scenario.expect.kind === 'timeout') {
    if (outcome.kind === 'error')
      return pass(
        'patience',
        `gave up after ${Math.round(run.durationMs)} ms with ${describeOutcome(outcome)}`,
      )
    return fail(
      'patience',
      `reported ${describeOutcome(outcome)}`,
      `an error (e.g. TimeoutError) within the ${run.deadlineMs} ms deadline: set a request timeout`,
    )
  }
  const attempts = startAttempts(run.journal)
  const [first, second] = attempts
  if (first === undefined || second === undefined)
    return fail('patience', `sent ${attempts.length} request(s)`, 'a retry after Retry-After')
  const waited = Date.parse(second.time) - Date.parse(first.time)
  if (waited < RETRY_AFTER_MIN_WAIT_MS)
    return fail(
      'patience',
      `retried ${waited} ms after a 429 with Retry-After: 1`,
      `a wait of about 1000 ms (at least ${RETRY_AFTER_MIN_WAIT_MS})`,
    )
  return pass('patience', `waited ${waited} ms as Retry-After asked`)
}
