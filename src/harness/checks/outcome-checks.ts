/**
 * Checks 2, 3, 4, 7, 8 and 9: what the client reports for an answer it received once.
 */
import {
  acceptedTaskStatuses,
  answeredAttempts,
  describeOutcome,
  startAttempts,
  type ScenarioRun,
} from '../scenario-run.js'
import { fail, pass, type CheckFinding } from './check-finding.js'

/**
 * Checks 2 (success) and 3 (failed-task): the reported TaskStatus, TaskId and ReasonCode are the ones
 * received, after the expected number of Start requests. A client that polls may report the task's
 * later status.
 * @param run The run; its scenario expects a result.
 * @param check `success` or `failed-task`.
 * @returns The finding.
 */
export function checkResult(run: ScenarioRun, check: 'success' | 'failed-task'): CheckFinding {
  const expectation = run.scenario.expect
  if (expectation.kind !== 'result') return pass(check, 'not a result scenario')
  const { outcome } = run
  const attempts = answeredAttempts(run.journal)
  const wanted = `a result with TaskStatus ${expectation.taskStatus}${expectation.reasonCode === undefined ? '' : ` and ReasonCode ${expectation.reasonCode}`} and the TaskId received, after ${expectation.attempts} request(s)`
  if (outcome.kind !== 'result') return fail(check, `reported ${describeOutcome(outcome)}`, wanted)
  const answered = attempts.filter((entry) => entry.status === 200 && entry.taskId !== undefined)
  const received = answered[answered.length - 1]?.taskId
  if (received === undefined)
    return fail(
      check,
      `reported ${describeOutcome(outcome)} although no Start request was answered with a task`,
      wanted,
    )
  if (outcome.result.TaskId !== received)
    return fail(
      check,
      `reported TaskId ${JSON.stringify(outcome.result.TaskId)} but received ${JSON.stringify(received)}`,
      wanted,
    )
  const task = run.tasks.find((candidate) => candidate.TaskId === received)
  if (run.scenario.requiresPolling === true) {
    // A polling scenario needs the end of the task, seen through the List operation.
    const polls = run.journal.filter(
      (entry) => entry.operation === 'ListEngagementByAcceptingInvitationTasks',
    ).length
    if (polls === 0)
      return fail(
        check,
        `reported ${describeOutcome(outcome)} without polling ListEngagementByAcceptingInvitationTasks`,
        `${wanted}, after polling the task to its end`,
      )
    if (outcome.result.TaskStatus !== expectation.taskStatus)
      return fail(
        check,
        `reported TaskStatus ${JSON.stringify(outcome.result.TaskStatus)} after ${polls} poll(s)`,
        wanted,
      )
  }
  if (!acceptedTaskStatuses(run, expectation.taskStatus, received).has(outcome.result.TaskStatus))
    return fail(check, `reported TaskStatus ${JSON.stringify(outcome.result.TaskStatus)}`, wanted)
  const reasonCode =
    outcome.result.TaskStatus === 'FAILED'
      ? (expectation.reasonCode ?? task?.ReasonCode)
      : undefined
  if (reasonCode !== undefined && outcome.result.ReasonCode !== reasonCode) {
    return fail(
      check,
      `reported ReasonCode ${JSON.stringify(outcome.result.ReasonCode ?? null)}`,
      wanted,
    )
  }
  if (attempts.length !== expectation.attempts)
    return fail(check, `sent ${attempts.length} request(s)`, wanted)
  return pass(check, `reported ${describeOutcome(outcome)} after ${attempts.length} request(s)`)
}

/**
 * Checks 4 (not-retried) and 7 (encodings): the error is reported by its name after one request.
 * @param run The run; its scenario expects an error.
 * @param check `not-retried` or `encodings`.
 * @returns The finding.
 */
export function checkReportedError(
  run: ScenarioRun,
  check: 'not-retried' | 'encodings',
): CheckFinding {
  const expectation = run.scenario.expect
  if (expectation.kind !== 'error') return pass(check, 'not an error scenario')
  const attempts = answeredAttempts(run.journal).length
  const wanted = `error ${expectation.name} after exactly 1 request`
  const { outcome } = run
  if (outcome.kind !== 'error' || outcome.name !== expectation.name)
    return fail(check, `reported ${describeOutcome(outcome)}`, wanted)
  if (check === 'not-retried' && attempts !== 1)
    return fail(
      check,
      `sent ${attempts} requests for a ${expectation.name}, which is not retryable`,
      wanted,
    )
  return pass(check, `reported ${expectation.name} after ${attempts} request(s)`)
}

/**
 * Check 8 (robust): a malformed or surprising answer gives a reported result or error, never a crash or a hang.
 * @param run The run.
 * @returns The finding.
 */
export function checkRobust(run: ScenarioRun): CheckFinding {
  const { outcome } = run
  if (outcome.kind === 'crash' || outcome.kind === 'hang')
    return fail(
      'robust',
      outcome.kind === 'crash' ? `crashed (${outcome.reason})` : `hung (${outcome.reason})`,
      'a reported result or error',
    )
  if (startAttempts(run.journal).length === 0)
    return fail(
      'robust',
      `reported ${describeOutcome(outcome)} without sending a request`,
      'a call to the service, then a reported result or error',
    )
  return pass('robust', `reported ${describeOutcome(outcome)}`)
}

/**
 * Check 9 (invalid-input): the client refuses an invalid input itself (nothing sent) or surfaces the
 * simulator's ValidationException; never a success.
 * @param run The run.
 * @returns The finding.
 */
export function checkInvalidInput(run: ScenarioRun): CheckFinding {
  const { outcome } = run
  const attempts = answeredAttempts(run.journal)
  const sent = startAttempts(run.journal).length
  // A body over 1 MiB is refused before validation, with 413 SerializationException: that is the service's answer then.
  const answered = attempts[attempts.length - 1]?.errorName
  const serviceError = answered === 'SerializationException' ? answered : 'ValidationException'
  const wanted = `error ClientValidationError with nothing sent, or error ${serviceError} from the service`
  if (outcome.kind !== 'error')
    return fail(
      'invalid-input',
      `reported ${describeOutcome(outcome)}${sent > 0 ? ` after sending ${sent} request(s)` : ''}`,
      wanted,
    )
  if (sent === 0) {
    if (outcome.name === 'ClientValidationError' || outcome.name === 'ValidationException')
      return pass('invalid-input', `refused the input itself (${outcome.name})`)
    return fail('invalid-input', `sent nothing and reported ${describeOutcome(outcome)}`, wanted)
  }
  if (outcome.name !== serviceError)
    return fail(
      'invalid-input',
      `sent ${sent} request(s) and reported ${describeOutcome(outcome)}`,
      wanted,
    )
  if (attempts.length > 1)
    return fail(
      'invalid-input',
      `sent ${sent} requests for a ${serviceError}, which is not retryable`,
      wanted,
    )
  return pass('invalid-input', `surfaced the ${serviceError}`)
}
