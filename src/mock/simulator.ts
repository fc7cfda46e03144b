/**
 * The simulator core: one `handle(request) → Outcome` over the awsJson1_0 wire, shared by every
 * transport (msw handlers, the SDK request handler, the loopback server). A request meets the front
 * door (`front-door.ts`), then its operation (`operations/`); the attempt's script step acts at the
 * stage it belongs to (`apply-step.ts`). This file holds the state and the journal.
 */
import { isUtf8 } from 'node:buffer'
import { errorNameSources, findErrorName, type ErrorNameSources } from '../model/error-name.js'
import type { OperationName } from '../model/operation.js'
import { resolveRevision, type Revision } from '../model/revisions.js'
import { parseJson } from '../internal/parse-json.js'
import { SeededRandom } from '../internal/seeded-random.js'
import {
  afterOperation,
  atFrontDoor,
  beforeOperation,
  deliveryOf,
  stepSkewMs,
} from './apply-step.js'
import { parseBehaviourScript, type BehaviourScript, type Step } from './behaviour-script.js'
import type { SignatureOptions } from './check-signature.js'
import type { Credential } from './credentials.js'
import {
  checkRequestLine,
  operationOf,
  passFrontDoor,
  type FrontDoorRejection,
} from './front-door.js'
import { defaultInvitations, type Invitation } from './invitations.js'
import { Journal, redactHeaders, redactPath, type JournalEntry } from './journal.js'
import { OPERATION_HANDLERS } from './operations/index.js'
import { TaskStore, type TaskProgress } from './task-store.js'
import {
  IMMEDIATE,
  type Delivery,
  type Outcome,
  type WireRequest,
  type WireResponse,
} from './wire.js'

/** Options of {@link createSimulator}. */
export interface SimulatorOptions extends TaskProgress {
  /** The API revision to validate with and answer in. @defaultValue '2025-12' */
  readonly revision?: string
  /** The invitations. @defaultValue {@link defaultInvitations} */
  readonly invitations?: readonly Invitation[]
  /** What to do per operation and attempt. @defaultValue every request processed normally */
  readonly script?: BehaviourScript
  /** Seed of ids, jitter and random faults. @defaultValue the script's seed, else 1 */
  readonly seed?: number
  /** SigV4 checks; with a secret, signatures are verified. @defaultValue form checks only */
  readonly signature?: SignatureOptions
  /**
   * The access keys the front door knows, with their secrets, session tokens and statuses (valid,
   * expired, unknown, denied, not opted in). A key not listed is unknown.
   * @defaultValue any key is accepted (`signature` decides how it is checked)
   */
  readonly credentials?: readonly Credential[]
  /**
   * How far the server's clock runs ahead of the client's (negative: behind), in ms: a request signed
   * more than 15 minutes from it is refused, and every answer's `Date` shows it. @defaultValue 0
   */
  readonly clockSkewMs?: number
  /** Pins the virtual clock at this start, ms since the epoch. @defaultValue real time (advances add to it) */
  readonly clockStartMs?: number
  /** The largest accepted body. @defaultValue 1 MiB */
  readonly maxBodyBytes?: number
  /** The most journal entries kept (the oldest go first), so memory stays flat under load. @defaultValue 2000 */
  readonly journalLimit?: number
  /** The most characters of each request and response body the journal keeps. @defaultValue 4096 */
  readonly journalBodyLimit?: number
}

/** A simulated service endpoint. */
export interface Simulator {
  /** The revision in use. */
  readonly revision: Revision
  /** Decides what to do with one request (and records it). */
  handle(request: WireRequest): Promise<Outcome>
  /** The request journal, oldest first, secrets redacted. */
  journal(): readonly JournalEntry[]
  /** The tasks, in creation order (wire form). */
  tasks(): readonly Record<string, unknown>[]
  /** The invitations and their current statuses. */
  invitations(): readonly Invitation[]
  /**
   * Notes that an answer did not reach its client (it was gone first); the journal entry says `delivered: false`.
   * @param seq The answer's journal entry.
   */
  markUndelivered(seq: number): void
  /**
   * Notes when an answer was completely written and when its connection closed (loopback only), so
   * that an answer the client could not have read in time counts as not delivered.
   * @param seq The answer's journal entry.
   * @param timing Epoch milliseconds.
   */
  noteDelivery(
    seq: number,
    timing: { readonly answeredAtMs?: number; readonly closedAtMs?: number },
  ): void
  /** Replaces the behaviour script and restarts attempt counting. */
  setScript(script: BehaviourScript): void
  /** Moves the virtual clock. */
  advanceClock(ms: number): void
  /** Back to the initial state: invitations, no tasks, empty journal, attempts from 1. */
  reset(): void
}

/** The largest request body accepted by default. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Creates a simulator of the Partner Central Selling endpoint for the accept-invitation operations.
 * @param options Revision, invitations, behaviour script, seed, signature, credentials, clock and task progress.
 * @returns The simulator.
 * @throws UsageError on an invalid script or revision.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const revision = resolveRevision(options.revision)
  let script = parseBehaviourScript(options.script ?? {})
  const seed = options.seed ?? script.seed ?? 1
  const makeStore = (): TaskStore =>
    new TaskStore(options.invitations ?? defaultInvitations(), seed, options.clockStartMs, options)
  let store = makeStore()
  let random = new SeededRandom(seed ^ 0x5bd1e995)
  const attempts = new Map<OperationName, number>()
  const journal = new Journal(options.journalLimit ?? 2000)
  const bodyLimit = Math.max(0, options.journalBodyLimit ?? 4096)
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES
  const baseSkewMs = options.clockSkewMs ?? 0
  const signature: SignatureOptions = {
    ...options.signature,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  }

  function nextStep(operation: OperationName): { attempt: number; step: Step } {
    const attempt = (attempts.get(operation) ?? 0) + 1
    attempts.set(operation, attempt)
    const plan = script.operations?.[operation]
    const listed = plan?.steps?.[attempt - 1]
    if (listed !== undefined) return { attempt, step: listed }
    for (const entry of plan?.random ?? []) {
      if (random.next() < entry.probability) return { attempt, step: entry.step }
    }
    return { attempt, step: plan?.then ?? PASS }
  }

  async function handle(request: WireRequest): Promise<Outcome> {
    const bytes = request.body
    const kept = Math.min(bytes.byteLength, bodyLimit * 4)
    const prefix = Buffer.from(bytes.buffer, bytes.byteOffset, kept).toString('utf8')
    // The body is decoded once: the journal keeps its start, the front door parses all of it.
    const decoded = kept === bytes.byteLength && isUtf8(bytes) ? prefix : undefined
    // The journal entry is built member by member as the request goes on (no spreads: this is the
    // hot path of every transport).
    const entry: Draft = {
      seq: journal.nextSeq(),
      time: isoNow(),
      method: request.method,
      path: redactPath(request.path),
      headers: redactHeaders(request.headers),
      body: prefix.length > bodyLimit ? prefix.slice(0, bodyLimit) : prefix,
      outcome: 'respond',
    }
    if (bytes.byteLength > bodyLimit) entry.bodyTruncated = true
    const refusedLine = checkRequestLine(request, maxBody)
    if (refusedLine !== undefined) {
      entry.rejectedFor = 'request'
      return answer(entry, refusedLine, IMMEDIATE, baseSkewMs)
    }
    const operation = operationOf(request)
    let step = PASS
    if (operation !== undefined) {
      const turn = nextStep(operation)
      step = turn.step
      entry.operation = operation
      entry.attempt = turn.attempt
      entry.step = step.kind
    }
    const skewMs = baseSkewMs + stepSkewMs(step)
    const delivery = deliveryOf(step, random)
    const early = atFrontDoor(step)
    if (early.kind === 'respond') return answer(entry, early.response, delivery, skewMs)
    const checked = passFrontDoor(
      request,
      skewMs === 0 ? signature : { ...signature, clockSkewMs: skewMs },
      decoded,
    )
    const door = checked instanceof Promise ? await checked : checked
    if (!door.ok) {
      entry.rejectedFor = door.rejectedFor satisfies FrontDoorRejection
      return answer(entry, door.response, IMMEDIATE, skewMs)
    }
    const before = beforeOperation(step, revision)
    switch (before.kind) {
      case 'respond':
        return answer(entry, before.response, delivery, skewMs)
      case 'reset-before':
        entry.outcome = 'reset-before'
        journal.record(entry)
        return { kind: 'reset-before', delivery }
      case 'hang':
        entry.outcome = 'hang'
        journal.record(entry)
        return { kind: 'hang' }
      case 'continue':
        break
    }
    const processed = OPERATION_HANDLERS[door.operation](door.input, {
      revision,
      store,
      caller: door.caller,
      step,
    })
    if (processed.task !== undefined) entry.taskId = processed.task.taskId
    const after = afterOperation(step, processed.response, revision)
    if (after.kind === 'reset-after') {
      entry.outcome = 'reset-after'
      entry.status = processed.response.status
      journal.record(entry)
      return { kind: 'reset-after', delivery }
    }
    return answer(entry, after.response, delivery, skewMs)
  }

  /** Records an answered request and hands the answer to the transport. */
  function answer(
    entry: Draft,
    response: WireResponse,
    delivery: Delivery,
    skewMs: number,
  ): Outcome {
    entry.status = response.status
    if (response.status >= 400) {
      const named = errorNamesOf(response)
      entry.errorName = named.name
      entry.errorNames = named.sources
    }
    const retryAfter = response.headers['Retry-After']
    if (retryAfter !== undefined) entry.retryAfter = retryAfter
    if (skewMs !== 0) entry.clockSkewMs = skewMs
    entry.response =
      response.body.length > bodyLimit ? response.body.slice(0, bodyLimit) : response.body
    journal.record(entry)
    // The answer shows the server's clock, so that a client can correct its own from it.
    const sent =
      skewMs === 0
        ? response
        : {
            ...response,
            headers: { ...response.headers, Date: new Date(Date.now() + skewMs).toUTCString() },
          }
    return { kind: 'respond', response: sent, delivery, seq: entry.seq }
  }

  return {
    revision,
    handle,
    journal: () => journal.list(),
    noteDelivery: (seq, timing) => {
      journal.amend(seq, timing)
    },
    markUndelivered: (seq) => {
      journal.amend(seq, { delivered: false })
    },
    tasks: () => store.tasks.map((task) => store.view(task)),
    invitations: () => store.invitations.map((invitation) => ({ ...invitation })),
    setScript(next) {
      script = parseBehaviourScript(next)
      random = new SeededRandom((next.seed ?? seed) ^ 0x5bd1e995)
      attempts.clear()
    },
    advanceClock: (ms) => {
      store.advance(ms)
    },
    reset() {
      store = makeStore()
      random = new SeededRandom((script.seed ?? seed) ^ 0x5bd1e995)
      attempts.clear()
      journal.clear()
    },
  }
}

const PASS: Step = { kind: 'pass' }

/** A journal entry while its request goes through the simulator. */
type Draft = { -readonly [K in keyof JournalEntry]: JournalEntry[K] }

let isoMs = Number.NaN
let isoText = ''

// The arrival time in ISO 8601, formatted at most once a millisecond.
function isoNow(): string {
  const now = Date.now()
  if (now !== isoMs) {
    isoMs = now
    isoText = new Date(now).toISOString()
  }
  return isoText
}

// Where an error answer names its error, and the name a client reading it would find (one parse).
function errorNamesOf(response: WireResponse): { name: string; sources: ErrorNameSources } {
  const header = response.headers['X-Amzn-Errortype']
  const parsed = parseJson(response.body)
  const body = parsed.ok ? parsed.value : undefined
  return {
    name: findErrorName(body, header) ?? `HTTP ${String(response.status)}`,
    sources: errorNameSources(body, header),
  }
}
