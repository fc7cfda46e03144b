/**
 * What one scenario run produced, as the checks see it: the client's outcome, the simulator's journal
 * and tasks, and how long it took.
 */
import type { JournalEntry } from '../mock/journal.js'
import { OPERATIONS, type OperationName } from '../model/operation.js'
import type { ClientOutcome } from '../judge/client-outcome.js'
import type { Scenario } from './scenario.js'

/** One scenario as it ran. */
export interface ScenarioRun {
  readonly scenario: Scenario
  /** The API revision the simulator ran. */
  readonly revision: string
  readonly outcome: ClientOutcome
  /** Every request the simulator saw in this scenario, secrets redacted. */
  readonly journal: readonly JournalEntry[]
  /** The simulator's tasks at the end, in the wire form of the List response. */
  readonly tasks: readonly Readonly<Record<string, unknown>>[]
  readonly durationMs: number
  readonly deadlineMs: number
  /** Whether the client declared that it polls. */
  readonly clientPolls: boolean
  /** The end of the client's stderr (protocol v1), for reports. */
  readonly stderr?: string
}

const OTHER_OPERATIONS: readonly string[] = OPERATIONS.filter(
  (name: OperationName) => name !== 'StartEngagementByAcceptingInvitationTask',
)

/**
 * The attempts of the call under test: every request that is not a List or Get poll (requests with a
 * wrong or missing X-Amz-Target count: they were meant as the call).
 * @param journal The scenario's journal.
 * @returns The attempts, oldest first.
 */
export function startAttempts(journal: readonly JournalEntry[]): JournalEntry[] {
  return journal.filter(
    (entry) => entry.operation === undefined || !OTHER_OPERATIONS.includes(entry.operation),
  )
}

/**
 * The attempts whose answer reached the client: an answer written after the client was gone (it had
 * timed out, e.g. on a busy machine) does not count against it, and what it did next was no reaction to it.
 * @param journal The scenario's journal.
 * @returns The delivered attempts, oldest first.
 */
export function answeredAttempts(journal: readonly JournalEntry[]): JournalEntry[] {
  return startAttempts(journal).filter((entry) => entry.delivered !== false)
}

/**
 * One line for people about what a client ended with.
 * @param outcome The outcome.
 * @returns e.g. `error ConflictException ("…")` or `result TaskStatus=IN_PROGRESS TaskId=task-…`.
 */
export function describeOutcome(outcome: ClientOutcome): string {
  switch (outcome.kind) {
    case 'result': {
      const shown = ['TaskStatus', 'TaskId', 'ReasonCode']
        .filter((key) => outcome.result[key] !== undefined)
        .map((key) => `${key}=${JSON.stringify(outcome.result[key])}`)
      return `result ${shown.length === 0 ? '(no TaskStatus, TaskId or ReasonCode)' : shown.join(' ')}`
    }
    case 'error':
      return `error ${outcome.name}${outcome.message === '' ? '' : ` (${JSON.stringify(outcome.message.slice(0, 160))})`}`
    case 'crash':
      return `crash: ${outcome.reason}`
    case 'hang':
      return `hang: ${outcome.reason}`
  }
}

/**
 * The TaskStatus values a client may report for the task it received: the one the scenario expects,
 * and for a client that polls, the status the task has reached since.
 * @param run The run.
 * @param expected The status the Start response carried.
 * @param taskId The task received.
 * @returns The accepted statuses.
 */
export function acceptedTaskStatuses(
  run: ScenarioRun,
  expected: string,
  taskId: unknown,
): Set<unknown> {
  const statuses = new Set<unknown>([expected])
  const task = run.tasks.find((candidate) => candidate.TaskId === taskId)
  if (run.clientPolls && task !== undefined) statuses.add(task.TaskStatus)
  return statuses
}
