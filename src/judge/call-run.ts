/**
 * What one call of a client produced, as the rules see it: the input, the client's outcome, the
 * simulator's journal and tasks, and how long it took. The harness and the fuzzer both build one.
 */
import type { JournalEntry } from '../mock/journal.js'
import { OPERATIONS, type OperationName } from '../model/operation.js'
import type { ClientOutcome } from './client-outcome.js'
import type { Expectation } from './expectation.js'

/** One call as it ran. */
export interface CallRun {
  /** The call's input as the client received it. */
  readonly input: unknown
  /** Whether the input satisfies the request contract (an invalid one must be refused). */
  readonly inputValid: boolean
  /** The API revision the simulator ran. */
  readonly revision: string
  readonly outcome: ClientOutcome
  /** Every request the simulator saw for this call, secrets redacted. */
  readonly journal: readonly JournalEntry[]
  /** The simulator's tasks at the end, in the wire form of the List response. */
  readonly tasks: readonly Readonly<Record<string, unknown>>[]
  readonly durationMs: number
  readonly deadlineMs: number
  /** Whether the client declared that it polls. */
  readonly clientPolls: boolean
  /** What a correct client ends with, when a scenario says so (the fuzzer judges from the journal alone). */
  readonly expect?: Expectation
  /** The end of the client's stderr (protocol v1), for reports. */
  readonly stderr?: string
}

const OTHER_OPERATIONS: readonly string[] = OPERATIONS.filter(
  (name: OperationName) => name !== 'StartEngagementByAcceptingInvitationTask',
)

/**
 * The attempts of the call under test: every request that is not a List or Get poll (requests with a
 * wrong or missing X-Amz-Target count: they were meant as the call).
 * @param journal The call's journal.
 * @returns The attempts, oldest first.
 */
export function startAttempts(journal: readonly JournalEntry[]): JournalEntry[] {
  return journal.filter(
    (entry) => entry.operation === undefined || !OTHER_OPERATIONS.includes(entry.operation),
  )
}

/** Longest value shown in a finding or a report line; the whole value stays in JSON reports. */
const PREVIEW_CHARS = 160

/**
 * A value cut to a readable length: its JSON, or its first characters and its length.
 * @param value Any value.
 * @returns e.g. `"engi-0123456789abc"` or `"aaaa…" (1048577 chars)`.
 */
export function previewJson(value: unknown): string {
  const text = (JSON.stringify(value) as string | undefined) ?? String(value)
  return text.length <= PREVIEW_CHARS
    ? text
    : `${text.slice(0, PREVIEW_CHARS)}… (${text.length} chars)`
}

/**
 * One line for people about what a client ended with.
 * @param outcome The outcome.
 * @returns e.g. `error ConflictException ("…")` or `result TaskStatus="IN_PROGRESS" TaskId="task-…"`.
 */
export function describeOutcome(outcome: ClientOutcome): string {
  switch (outcome.kind) {
    case 'result': {
      const shown = ['TaskStatus', 'TaskId', 'ReasonCode']
        .filter((key) => outcome.result[key] !== undefined)
        .map((key) => `${key}=${previewJson(outcome.result[key])}`)
      return `result ${shown.length === 0 ? '(no TaskStatus, TaskId or ReasonCode)' : shown.join(' ')}`
    }
    case 'error':
      return `error ${outcome.name.slice(0, PREVIEW_CHARS)}${outcome.message === '' ? '' : ` (${previewJson(outcome.message.slice(0, PREVIEW_CHARS))})`}`
    case 'crash':
      return `crash: ${outcome.reason.slice(0, 2 * PREVIEW_CHARS)}`
    case 'hang':
      return `hang: ${outcome.reason.slice(0, 2 * PREVIEW_CHARS)}`
  }
}

/**
 * Describes one journal entry compactly: seq, time of day, method, path, X-Amz-Target, status, error
 * name, script step and outcome (plain text, not escaped for any format; headers are not shown).
 * @param entry A recorded request (already redacted).
 * @returns E.g. `#1 12:00:00.123Z POST / AWSPartnerCentralSelling.Start… → 429 ThrottlingException step=error respond`.
 */
export function describeJournalEntry(entry: JournalEntry): string {
  const time = /T(\d\d:\d\d:\d\d(?:\.\d+)?Z?)$/.exec(entry.time)?.[1] ?? entry.time
  const target = entry.headers['x-amz-target'] ?? '(no x-amz-target)'
  const answer = entry.status === undefined ? 'no status' : String(entry.status)
  const error = entry.errorName === undefined ? '' : ` ${entry.errorName}`
  return `#${entry.seq} ${time} ${entry.method} ${entry.path} ${target} → ${answer}${error} step=${entry.step ?? '-'} ${entry.outcome}`
}
