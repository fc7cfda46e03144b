/**
 * What the rules derive from a call's journal once: each attempt's answer, how a careful client must
 * treat it, whether it reached the client, and the tasks the client could have learnt of.
 */
import type { JournalEntry } from '../mock/journal.js'
import { isUniversallyReadable } from '../model/error-name.js'
import {
  CLOCK_CORRECTION_MIN_MS,
  FRONT_DOOR_ERRORS,
  isFrontDoorErrorName,
} from '../model/front-door-errors.js'
import {
  DELIVERY_GRACE_MS,
  THROTTLING_ERROR_NAMES,
  TRANSIENT_ERROR_NAMES,
  TRANSIENT_HTTP_STATUSES,
} from '../model/retry-classes.js'
import { startAttempts, type CallRun } from './call-run.js'

/**
 * How a careful client must treat an answer: `success` (a 200 with a task), `malformed` (a 200 the
 * contract does not describe), `retryable` (429, 500/502/503/504, a throttling name), `final` (any
 * other error), `reset` (the connection was reset before processing), `lost` (processed, then reset),
 * `no-answer` (the server never answered).
 */
export type AnswerClass =
  | 'success'
  | 'malformed'
  | 'retryable'
  | 'final'
  | 'reset'
  | 'lost'
  | 'no-answer'

/** One attempt of the call, judged. */
export interface AttemptFact {
  readonly entry: JournalEntry
  /** 1, 2, … */
  readonly number: number
  readonly answer: AnswerClass
  /** The server finished writing the answer before the client was gone: the client may have read it. */
  readonly reached: boolean
  /**
   * The answer reached the client with time to read it: not within 50 ms of the client closing the
   * connection or starting its next attempt. What the client did next was a reaction to it.
   */
  readonly surely: boolean
  /**
   * The error names a client may report for it: the one every SDK reads, or, for a name the protocol
   * allows but the service is not known to send (header only, `code` only, disagreeing), each name given.
   */
  readonly names: readonly string[]
  /** The error's name is in a protocol-gap form, and the answer's class turns on it. */
  readonly gap: boolean
  /** How the answer names its error: the form every SDK reads, a protocol-gap form, or no name. */
  readonly nameForm: 'universal' | 'gap' | 'none'
  /**
   * A client that corrects its clock may retry this answer once: the front door refused the signing
   * time (or sent `RequestExpired`), or the answer's `Date` showed a server clock at least 4 minutes
   * off (Go then retries even `AccessDeniedException`).
   */
  readonly correctable: boolean
  /** The task a 200 carried. */
  readonly task?: Readonly<Record<string, unknown>>
  /** e.g. `409 ConflictException`, `reset`, `no answer`. */
  readonly said: string
}

/** Everything the rules derive from a run. */
export interface CallFacts {
  readonly attempts: readonly AttemptFact[]
  readonly last?: AttemptFact
  /** Tasks seen in List answers that reached the client, by TaskId. */
  readonly listed: ReadonlyMap<string, Readonly<Record<string, unknown>>>
  /** List requests the client made. */
  readonly polls: number
}

/** An answer that took at least this long (ms) may have raced the client's timer. */
const SLOW_ANSWER_MS = 100

/** What a client reports when its own timer or the connection ended an attempt. */
const TRANSPORT_ERROR_NAMES = new Set([
  'TimeoutError',
  'NetworkError',
  'RequestTimeout',
  'AbortError',
])

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '')
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function taskOf(entry: JournalEntry): Record<string, unknown> | undefined {
  const body = parseObject(entry.response)
  return body !== undefined &&
    typeof body.TaskId === 'string' &&
    body.TaskId !== '' &&
    typeof body.TaskStatus === 'string'
    ? body
    : undefined
}

type Classified = Pick<AttemptFact, 'answer' | 'names' | 'gap' | 'said' | 'nameForm'>

const unnamed = (answer: AnswerClass, said: string): Classified => ({
  answer,
  names: [],
  gap: false,
  said,
  nameForm: 'none',
})

function classify(entry: JournalEntry): Classified {
  if (entry.outcome === 'reset-before') return unnamed('reset', 'a connection reset')
  if (entry.outcome === 'reset-after')
    return unnamed('lost', 'a reset after processing (a lost response)')
  if (entry.outcome !== 'respond') return unnamed('no-answer', 'no answer')
  const status = entry.status ?? 0
  if (status >= 200 && status < 300) {
    const proper = entry.step !== 'malformed' && taskOf(entry) !== undefined
    return unnamed(proper ? 'success' : 'malformed', `${status}${proper ? '' : ' (malformed)'}`)
  }
  const sources = entry.errorNames ?? {}
  const readable = isUniversallyReadable(sources)
  const names = readable
    ? [sources.type as string]
    : [
        ...new Set(
          [sources.header, sources.code, sources.type].filter((name) => name !== undefined),
        ),
      ]
  const said = `${status}${names.length === 0 ? '' : ` ${names.join(' / ')}`}`
  const nameForm = names.length === 0 ? 'none' : readable ? 'universal' : 'gap'
  if (TRANSIENT_HTTP_STATUSES.has(status))
    return { answer: 'retryable', names, gap: false, said, nameForm }
  const throttling = names.some(
    (name) => THROTTLING_ERROR_NAMES.has(name) || TRANSIENT_ERROR_NAMES.has(name),
  )
  // A name in a gap form decides the class only when it is a throttling name (otherwise a 4xx is final either way).
  return {
    answer: throttling ? 'retryable' : 'final',
    names,
    gap: nameForm === 'gap' && throttling,
    said,
    nameForm,
  }
}

/**
 * Derives the facts of a run.
 * @param run The run.
 * @returns The facts.
 */
export function callFacts(run: CallRun): CallFacts {
  const entries = startAttempts(run.journal)
  const reportedTransportError =
    run.outcome.kind === 'error' && TRANSPORT_ERROR_NAMES.has(run.outcome.name)
  const attempts = entries.map((entry, index): AttemptFact => {
    const next = entries[index + 1]
    const reached = entry.outcome === 'respond' && entry.delivered !== false
    const answeredAt = entry.answeredAtMs
    // An answer written just before the client closed the connection or started another attempt may
    // have lost the race with the client's timer. A client that reads its answer and then closes (a
    // process that exits) is normal, so after the last attempt only a timeout report casts the doubt.
    const closedRightAfter =
      answeredAt !== undefined &&
      entry.closedAtMs !== undefined &&
      entry.closedAtMs - answeredAt < DELIVERY_GRACE_MS
    // A timer can only have fired as the answer came if the answer was slow; a client that reads a
    // prompt answer and closes (a process per call, Connection: close) is no race. And an answer
    // written after the next attempt had started never bound that attempt.
    const slow = answeredAt !== undefined && answeredAt - Date.parse(entry.time) >= SLOW_ANSWER_MS
    const overtaken =
      answeredAt !== undefined &&
      next !== undefined &&
      answeredAt > Date.parse(next.time) - DELIVERY_GRACE_MS
    const doubtful =
      overtaken || (closedRightAfter && slow && (next !== undefined || reportedTransportError))
    const task = taskOf(entry)
    const classified = classify(entry)
    const correctable =
      entry.rejectedFor === 'clock' ||
      Math.abs(entry.clockSkewMs ?? 0) >= CLOCK_CORRECTION_MIN_MS ||
      classified.names.some(
        (name) => isFrontDoorErrorName(name) && FRONT_DOOR_ERRORS[name].retry === 'clock',
      )
    return {
      entry,
      number: index + 1,
      reached,
      surely: reached && !doubtful,
      ...classified,
      correctable,
      ...(task === undefined ? {} : { task }),
    }
  })
  const listed = new Map<string, Readonly<Record<string, unknown>>>()
  let polls = 0
  for (const entry of run.journal) {
    if (entry.operation !== 'ListEngagementByAcceptingInvitationTasks') continue
    polls++
    if (entry.delivered === false) continue
    const summaries = parseObject(entry.response)?.TaskSummaries
    if (!Array.isArray(summaries)) continue
    for (const summary of summaries as unknown[]) {
      const task = summary as Record<string, unknown> | null
      if (task !== null && typeof task === 'object' && typeof task.TaskId === 'string')
        listed.set(task.TaskId, task)
    }
  }
  const last = attempts[attempts.length - 1]
  return { attempts, ...(last === undefined ? {} : { last }), listed, polls }
}
