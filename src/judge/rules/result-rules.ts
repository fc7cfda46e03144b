/**
 * Results: a 200 with a task is reported as a result, a result carries a TaskId and a TaskStatus, and
 * it reports what the service answered (the last task it received, or one it listed), never an
 * invented one; a polling client follows the task to its end.
 */
import { describeOutcome, previewJson } from '../call-run.js'
import type { CallFacts } from '../call-facts.js'
import type { CallRun } from '../call-run.js'
import { fail, pass, type Rule } from '../rule.js'

const TASK_DETAILS = ['ReasonCode', 'OpportunityId', 'ResourceSnapshotJobId', 'Message'] as const

/** Rule `success-reported` (must). */
export const SUCCESS_REPORTED_RULE: Rule = {
  id: 'success-reported',
  severity: 'must',
  title: 'when the last answer is a 200 with a task, the client reports a result',
  feeds: (shape) => shape.expect.kind === 'result',
  judge(run, facts) {
    const { last } = facts
    if (last?.answer !== 'success' || !last.surely) return undefined
    if (run.outcome.kind === 'crash' || run.outcome.kind === 'hang') return undefined
    if (run.outcome.kind === 'result')
      return pass('success-reported', 'reported the success as a result')
    return fail(
      'success-reported',
      `reported ${describeOutcome(run.outcome)} although attempt ${last.number} was answered 200 with TaskId ${previewJson(last.task?.TaskId)}`,
      'a result with the task it received',
    )
  },
}

/** Rule `result-has-task` (must). */
export const RESULT_HAS_TASK_RULE: Rule = {
  id: 'result-has-task',
  severity: 'must',
  title:
    'a reported result has a non-empty TaskId and TaskStatus (an SDK may turn an empty or HTML 200 into {})',
  feeds: (shape) => shape.expect.kind === 'result' || shape.expect.kind === 'reported',
  judge(run) {
    if (run.outcome.kind !== 'result') return undefined
    const { TaskId, TaskStatus } = run.outcome.result
    if (
      typeof TaskId === 'string' &&
      TaskId !== '' &&
      typeof TaskStatus === 'string' &&
      TaskStatus !== ''
    )
      return pass('result-has-task', 'the result has a TaskId and a TaskStatus')
    return fail(
      'result-has-task',
      `reported ${describeOutcome(run.outcome)}: a task that does not exist`,
      'a result only with the TaskId and TaskStatus the service sent; an error (e.g. UnknownError) otherwise',
    )
  },
}

/** Where a reported task came from: the Start answer or a List answer, with the status it had there. */
function sourcesOf(
  run: CallRun,
  facts: CallFacts,
  taskId: unknown,
): Readonly<Record<string, unknown>>[] {
  const answered = [...facts.attempts]
    .reverse()
    .find((attempt) => attempt.reached && attempt.task !== undefined)
  const sources: Readonly<Record<string, unknown>>[] = []
  if (answered?.task !== undefined && answered.task.TaskId === taskId) sources.push(answered.task)
  const listed = typeof taskId === 'string' ? facts.listed.get(taskId) : undefined
  if (listed !== undefined) sources.push(listed)
  // A client that polls by other means (or was told the end) may report the task as it is now.
  if (run.clientPolls && sources.length > 0) {
    const now = run.tasks.find((task) => task.TaskId === taskId)
    if (now !== undefined) sources.push(now)
  }
  return sources
}

/** Rule `result-from-answer` (must). */
export const RESULT_FROM_ANSWER_RULE: Rule = {
  id: 'result-from-answer',
  severity: 'must',
  title:
    'a result reports the task the service answered last (or one the client listed): its TaskId, TaskStatus, ReasonCode, OpportunityId and ResourceSnapshotJobId; never a result the service did not send',
  feeds: (shape) => shape.expect.kind === 'result' || shape.expect.kind === 'reported',
  judge(run, facts) {
    if (run.outcome.kind !== 'result') return undefined
    const { result } = run.outcome
    // A result without a TaskId is the result-has-task rule's.
    if (typeof result.TaskId !== 'string' || result.TaskId === '') return undefined
    const answered = [...facts.attempts]
      .reverse()
      .find((attempt) => attempt.reached && attempt.task !== undefined)
    const sources = sourcesOf(run, facts, result.TaskId)
    if (sources.length === 0) {
      return fail(
        'result-from-answer',
        answered === undefined && facts.listed.size === 0
          ? `reported ${describeOutcome(run.outcome)} although no answer carried a task (${facts.last?.said ?? 'nothing was sent'})`
          : `reported TaskId ${previewJson(result.TaskId)} but the service last sent ${previewJson(answered?.task?.TaskId ?? [...facts.listed.keys()][0])}`,
        'the TaskId and TaskStatus of the last task the service sent, or an error',
      )
    }
    const source = sources.find((candidate) => candidate.TaskStatus === result.TaskStatus)
    if (source === undefined)
      return fail(
        'result-from-answer',
        `reported TaskStatus ${previewJson(result.TaskStatus)} for ${previewJson(result.TaskId)}`,
        `the TaskStatus the service sent (${sources.map((candidate) => previewJson(candidate.TaskStatus)).join(' or ')})`,
      )
    for (const member of TASK_DETAILS) {
      // Both ways: a detail dropped, changed, or added that the service never sent.
      if (
        (source[member] !== undefined || result[member] !== undefined) &&
        result[member] !== source[member]
      )
        return fail(
          'result-from-answer',
          `reported ${member} ${previewJson(result[member] ?? null)} with TaskStatus ${String(result.TaskStatus)}`,
          `${member} ${previewJson(source[member])} as the service sent it`,
        )
    }
    return pass(
      'result-from-answer',
      `reported the task the service sent (${describeOutcome(run.outcome)})`,
    )
  },
}

/** Rule `polls` (must). */
export const POLLS_RULE: Rule = {
  id: 'polls',
  severity: 'must',
  title:
    'a client that polls follows the task with ListEngagementByAcceptingInvitationTasks to its end and reports how it ended',
  feeds: (shape) => shape.expect.kind === 'result' && shape.expect.polled === true,
  judge(run, facts) {
    const expect = run.expect
    if (expect?.kind !== 'result' || expect.polled !== true || !run.clientPolls) return undefined
    if (run.outcome.kind !== 'result') return undefined
    const wanted = `TaskStatus ${expect.taskStatus}${expect.reasonCode === undefined ? '' : ` with ReasonCode ${expect.reasonCode}`}, after polling the task to its end`
    if (facts.polls === 0)
      return fail(
        'polls',
        `reported ${describeOutcome(run.outcome)} without polling ListEngagementByAcceptingInvitationTasks`,
        wanted,
      )
    if (
      run.outcome.result.TaskStatus !== expect.taskStatus ||
      (expect.reasonCode !== undefined && run.outcome.result.ReasonCode !== expect.reasonCode)
    )
      return fail(
        'polls',
        `reported ${describeOutcome(run.outcome)} after ${facts.polls} poll(s)`,
        wanted,
      )
    return pass('polls', `followed the task to ${expect.taskStatus} in ${facts.polls} poll(s)`)
  },
}
