/**
 * FROZEN BASELINE for `npm run bench -- front-door`: the simulator core as it was before the front door
 * became its own stage (commit a7f7d00), one function mixing request checks, scripting, three operations
 * and fault injection. Only its imports changed. It measures what the split costs on the valid path; it
 * is not used anywhere else.
 */
import { isErrorName, ERROR_INFO } from '../src/model/errors.js'
import { errorNameSources, findErrorName, type ErrorNameSources } from '../src/model/error-name.js'
import { OPERATIONS, SERVICE, type OperationName } from '../src/model/operation.js'
import { resolveRevision, type Revision } from '../src/model/revisions.js'
import { parseJson } from '../src/internal/parse-json.js'
import { SeededRandom } from '../src/internal/seeded-random.js'
import { toErrorList, type Issue } from '../src/validators/issue.js'
import { validateListRequest } from '../src/validators/validate-list.js'
import { validateRequest } from '../src/validators/validate-request.js'
import {
  parseBehaviourScript,
  type BehaviourScript,
  type Step,
} from '../src/mock/behaviour-script.js'
import { checkSignature, type SignatureOptions } from '../src/mock/check-signature.js'
import { defaultInvitations, invitationArnOf, type Invitation } from '../src/mock/invitations.js'
import { Journal, redactHeaders, redactPath, type JournalEntry } from '../src/mock/journal.js'
import {
  errorResponse,
  frameworkError,
  jsonResponse,
  proxyResponse,
} from '../src/mock/responses.js'
import { TaskStore, type Task, type TaskProgress } from '../src/mock/task-store.js'
import {
  IMMEDIATE,
  type Delivery,
  type Outcome,
  type WireRequest,
  type WireResponse,
} from '../src/mock/wire.js'

/** Options of {@link createSimulator}. */
interface SimulatorOptions extends TaskProgress {
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
interface Simulator {
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
const MAX_BODY_BYTES = 1024 * 1024

const TARGET_PREFIX = `${SERVICE.targetPrefix}.`

/**
 * Creates a simulator of the Partner Central Selling endpoint for the accept-invitation operations.
 * @param options Revision, invitations, behaviour script, seed, signature checks and task progress.
 * @returns The simulator.
 * @throws UsageError on an invalid script or revision.
 */
export function createLegacySimulator(options: SimulatorOptions = {}): Simulator {
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

  function nextStep(operation: OperationName): { attempt: number; step: Step } {
    const attempt = (attempts.get(operation) ?? 0) + 1
    attempts.set(operation, attempt)
    const plan = script.operations?.[operation]
    const listed = plan?.steps?.[attempt - 1]
    if (listed !== undefined) return { attempt, step: listed }
    for (const entry of plan?.random ?? []) {
      if (random.next() < entry.probability) return { attempt, step: entry.step }
    }
    return { attempt, step: plan?.then ?? { kind: 'pass' } }
  }

  function deliveryOf(step: Step): Delivery {
    const jitter = step.jitterMs === undefined ? 0 : Math.floor(random.next() * (step.jitterMs + 1))
    return {
      delayMs: (step.latencyMs ?? 0) + jitter,
      chunks: step.chunks ?? (step.dribbleMs === undefined ? 1 : 4),
      dribbleMs: step.dribbleMs ?? 0,
    }
  }

  function modelled(
    name: string,
    message: string,
    members: Record<string, unknown> = {},
  ): WireResponse {
    const status = isErrorName(name) ? revision.errorHttpStatus[name] : 400
    return errorResponse(name, status, message, members)
  }

  function validationError(issues: readonly Issue[]): WireResponse {
    const count = issues.length
    return modelled(
      'ValidationException',
      `${count} validation error${count === 1 ? '' : 's'} detected: ${issues.map((issue) => issue.Message).join(' ')}`.slice(
        0,
        2048,
      ),
      {
        Reason: 'REQUEST_VALIDATION_FAILED',
        ErrorList: toErrorList(issues),
      },
    )
  }

  interface Processed {
    readonly response: WireResponse
    readonly task?: Task
  }

  function processStart(input: Record<string, unknown>, caller: string, step: Step): Processed {
    const issues = validateRequest(input, { revision: revision.id }).issues
    if (issues.length > 0) return { response: validationError(issues) }
    const catalog = String(input.Catalog)
    const identifier = String(input.Identifier)
    const override =
      step.kind === 'task'
        ? {
            status: step.status,
            ...(step.reasonCode === undefined ? {} : { reasonCode: step.reasonCode }),
            ...(step.message === undefined ? {} : { message: step.message }),
          }
        : undefined
    const result = store.start(
      {
        caller,
        catalog,
        identifier,
        token: String(input.ClientToken),
        fingerprint: JSON.stringify([identifier, input.Tags ?? null]),
      },
      override,
    )
    if (result.kind === 'not-found') {
      return {
        response: modelled(
          'ResourceNotFoundException',
          `Engagement invitation ${identifier} was not found in catalog ${catalog}.`,
        ),
      }
    }
    if (result.kind === 'token-conflict') {
      return {
        response: modelled(
          'ConflictException',
          `ClientToken ${JSON.stringify(String(input.ClientToken))} was already used with other parameters; use a new ClientToken for a new request.`,
        ),
      }
    }
    return { response: jsonResponse(store.view(result.task)), task: result.task }
  }

  function processList(input: Record<string, unknown>, caller: string): Processed {
    const issues = validateListRequest(input, { revision: revision.id }).issues
    if (issues.length > 0) return { response: validationError(issues) }
    const filters = {
      ids: input.TaskIdentifier as string[] | undefined,
      statuses: input.TaskStatus as string[] | undefined,
      opportunities: input.OpportunityIdentifier as string[] | undefined,
      invitations: input.EngagementInvitationIdentifier as string[] | undefined,
    }
    const query = JSON.stringify([input.Catalog, filters, input.Sort ?? null])
    let offset = 0
    if (input.NextToken !== undefined) {
      const decoded = decodeNextToken(input.NextToken as string, query)
      if (decoded === undefined) {
        return {
          response: validationError([
            {
              FieldName: 'NextToken',
              Message: 'NextToken is not valid for this request; start again without it.',
              Code: 'INVALID_VALUE',
              path: ['NextToken'],
              keyword: 'format',
              value: input.NextToken,
            },
          ]),
        }
      }
      offset = decoded
    }
    const matching = store.tasks.filter((task) => {
      if (task.caller !== caller || task.catalog !== input.Catalog) return false
      if (
        filters.ids !== undefined &&
        !filters.ids.some((id) => id === task.taskId || id === task.taskArn)
      )
        return false
      if (
        filters.invitations !== undefined &&
        !filters.invitations.some(
          (id) =>
            id === task.invitationId ||
            id === invitationArnOf({ id: task.invitationId, catalog: task.catalog }),
        )
      )
        return false
      return true
    })
    const descending = (input.Sort as { SortOrder?: string } | undefined)?.SortOrder !== 'ASCENDING'
    matching.sort((a, b) => (a.startMs - b.startMs || a.seq - b.seq) * (descending ? -1 : 1))
    // Filters see the state before this call; only the tasks on the page count as polled, so that
    // paging with NextToken never skips a task that moved on.
    const pageSize = typeof input.MaxResults === 'number' ? input.MaxResults : 20
    const visible = matching.filter((task) => {
      if (filters.statuses !== undefined && !filters.statuses.includes(task.status)) return false
      if (
        filters.opportunities !== undefined &&
        (task.opportunityId === undefined || !filters.opportunities.includes(task.opportunityId))
      )
        return false
      return true
    })
    const page = visible.slice(offset, offset + pageSize)
    for (const task of page) store.poll(task)
    const more = offset + pageSize < visible.length
    return {
      response: jsonResponse({
        TaskSummaries: page.map((task) => store.view(task)),
        ...(more ? { NextToken: encodeNextToken(offset + pageSize, query) } : {}),
      }),
    }
  }

  function processGetInvitation(input: Record<string, unknown>): Processed {
    const missing = ['Catalog', 'Identifier'].filter((member) => typeof input[member] !== 'string')
    if (missing.length > 0) {
      return {
        response: validationError(
          missing.map((member) => ({
            FieldName: member,
            Message: `${member} is required.`,
            Code: 'REQUIRED_FIELD_MISSING' as const,
            path: [member],
            keyword: 'required',
            value: undefined,
          })),
        ),
      }
    }
    const invitation = store.findInvitation(String(input.Catalog), String(input.Identifier))
    if (invitation === undefined) {
      return {
        response: modelled(
          'ResourceNotFoundException',
          `Engagement invitation ${String(input.Identifier)} was not found in catalog ${String(input.Catalog)}.`,
        ),
      }
    }
    return {
      response: jsonResponse({
        Arn: invitationArnOf(invitation),
        Catalog: invitation.catalog,
        Id: invitation.id,
        Status: invitation.status,
        ExpirationDate: invitation.expirationDate,
        PayloadType: 'OpportunityInvitation',
      }),
    }
  }

  function applyStep(step: Step, processed: Processed): WireResponse {
    const { response } = processed
    if (response.status !== 200) return response
    switch (step.kind) {
      case 'error':
        return errorFor(step)
      case 'malformed': {
        const body = JSON.parse(response.body) as Record<string, unknown>
        switch (step.form) {
          case 'truncated-json':
            return {
              ...response,
              body: response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2))),
            }
          case 'wrong-content-type':
            return {
              ...response,
              headers: { ...response.headers, 'Content-Type': 'text/html' },
              body: `<html><body>${response.body}</body></html>`,
            }
          case 'epoch-start-time':
            return {
              ...response,
              body: JSON.stringify({
                ...body,
                StartTime: Math.floor(
                  Date.parse(
                    typeof body.StartTime === 'string' ? body.StartTime : new Date().toISOString(),
                  ) / 1000,
                ),
              }),
            }
          case 'html-200':
            return {
              ...response,
              headers: { ...response.headers, 'Content-Type': 'text/html' },
              body: '<html><body>OK</body></html>',
            }
          case 'empty-200':
            return { ...response, body: '' }
          case 'not-an-object':
            return { ...response, body: JSON.stringify([body]) }
        }
        return response
      }
      case 'extra-fields': {
        const body = JSON.parse(response.body) as Record<string, unknown>
        return {
          ...response,
          body: JSON.stringify({
            ...body,
            ...(step.fields ?? { FutureMember: 'x', Nested: { Deep: [1, 2, 3] } }),
          }),
        }
      }
      default:
        return response
    }
  }

  function errorFor(step: Extract<Step, { kind: 'error' }>): WireResponse {
    const status =
      step.status ?? (isErrorName(step.name) ? revision.errorHttpStatus[step.name] : 400)
    // Full members by default, so that a client meets every field a real error can carry.
    const defaults: Record<string, unknown> =
      step.name === 'ValidationException'
        ? {
            Reason: 'BUSINESS_VALIDATION_FAILED',
            ErrorList: [
              {
                FieldName: 'Identifier',
                Message: 'The engagement invitation cannot be accepted in its current state.',
                Code: 'INVALID_RESOURCE_STATE',
              },
            ],
          }
        : step.name === 'AccessDeniedException'
          ? { Reason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE' }
          : {}
    const message =
      step.message ??
      (isErrorName(step.name) ? ERROR_INFO[step.name].summary : `Simulated ${step.name}.`)
    return errorResponse(
      step.name,
      status,
      message,
      { ...defaults, ...step.members },
      {
        ...(step.encoding === undefined ? {} : { encoding: step.encoding }),
        ...(step.messageKey === undefined ? {} : { messageKey: step.messageKey }),
        ...(step.retryAfter === undefined ? {} : { retryAfter: step.retryAfter }),
      },
    )
  }

  async function handle(request: WireRequest): Promise<Outcome> {
    const seq = journal.nextSeq()
    const base = {
      seq,
      time: new Date().toISOString(),
      method: request.method,
      path: redactPath(request.path),
      headers: redactHeaders(request.headers),
      body: Buffer.from(
        request.body.buffer,
        request.body.byteOffset,
        Math.min(request.body.byteLength, bodyLimit * 4),
      )
        .toString('utf8')
        .slice(0, bodyLimit),
      ...(request.body.byteLength > bodyLimit ? { bodyTruncated: true as const } : {}),
    }
    const answer = (
      response: WireResponse,
      extra: Partial<JournalEntry> = {},
      delivery: Delivery = IMMEDIATE,
    ): Outcome => {
      const errorName = response.status >= 400 ? errorNameOf(response) : undefined
      const retryAfter = response.headers['Retry-After']
      journal.record({
        ...base,
        ...extra,
        outcome: 'respond',
        status: response.status,
        ...(errorName === undefined ? {} : { errorName, errorNames: errorNamesOf(response) }),
        ...(retryAfter === undefined ? {} : { retryAfter }),
        response: response.body.slice(0, bodyLimit),
      })
      return { kind: 'respond', response, delivery, seq }
    }
    if (request.method !== 'POST' || request.path.split('?')[0] !== '/') {
      return answer(
        frameworkError(
          'UnknownOperationException',
          400,
          `Only POST / is served here, got ${request.method} ${request.path}.`,
        ),
      )
    }
    if (request.body.byteLength > maxBody) {
      return answer(
        frameworkError(
          'SerializationException',
          413,
          `The request body is ${request.body.byteLength} bytes; the limit is ${maxBody}.`,
        ),
      )
    }
    const checked = checkSignature(request, options.signature ?? {})
    const auth = checked instanceof Promise ? await checked : checked
    if (!auth.ok) return answer(frameworkError(auth.name, 403, auth.message))
    const target = request.headers['x-amz-target'] ?? ''
    const operation = OPERATIONS.find((name) => target === `${TARGET_PREFIX}${name}`)
    if (operation === undefined) {
      return answer(
        frameworkError(
          'UnknownOperationException',
          400,
          target === ''
            ? 'Missing X-Amz-Target header.'
            : `Unknown operation ${JSON.stringify(target)}.`,
        ),
      )
    }
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (contentType !== SERVICE.contentType) {
      return answer(
        frameworkError(
          'SerializationException',
          400,
          `Expected Content-Type ${SERVICE.contentType}, got ${JSON.stringify(request.headers['content-type'] ?? '')}.`,
        ),
        { operation },
      )
    }
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(request.body)
    } catch {
      return answer(
        frameworkError('SerializationException', 400, 'The request body is not valid UTF-8.'),
        { operation },
      )
    }
    const parsed = parseJson(text === '' ? '{}' : text)
    if (!parsed.ok) {
      return answer(
        frameworkError(
          'SerializationException',
          400,
          `The request body is not JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.reason}.`,
        ),
        { operation },
      )
    }
    if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
      return answer(
        frameworkError(
          'SerializationException',
          400,
          'Start of structure or map found where not expected: the body must be a JSON object.',
        ),
        { operation },
      )
    }
    const input = parsed.value as Record<string, unknown>
    const { attempt, step } = nextStep(operation)
    const delivery = deliveryOf(step)
    const context = { operation, attempt, step: step.kind }
    switch (step.kind) {
      case 'reset-before':
        journal.record({ ...base, ...context, outcome: 'reset-before' })
        return { kind: 'reset-before', delivery }
      case 'hang':
        journal.record({ ...base, ...context, outcome: 'hang' })
        return { kind: 'hang' }
      case 'http':
        return answer(
          proxyResponse(step.status, step.body ?? 'html', step.retryAfter),
          context,
          delivery,
        )
      case 'error':
        if (step.afterProcessing !== true) return answer(errorFor(step), context, delivery)
        break
      default:
        break
    }
    const processed =
      operation === 'StartEngagementByAcceptingInvitationTask'
        ? processStart(input, auth.accessKeyId, step)
        : operation === 'ListEngagementByAcceptingInvitationTasks'
          ? processList(input, auth.accessKeyId)
          : processGetInvitation(input)
    const taskContext =
      processed.task === undefined ? context : { ...context, taskId: processed.task.taskId }
    if (step.kind === 'reset-after') {
      journal.record({
        ...base,
        ...taskContext,
        outcome: 'reset-after',
        status: processed.response.status,
      })
      return { kind: 'reset-after', delivery }
    }
    return answer(applyStep(step, processed), taskContext, delivery)
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

function errorNamesOf(response: WireResponse): ErrorNameSources {
  const parsed = parseJson(response.body)
  return errorNameSources(
    parsed.ok ? parsed.value : undefined,
    response.headers['X-Amzn-Errortype'],
  )
}

function errorNameOf(response: WireResponse): string | undefined {
  const header = response.headers['X-Amzn-Errortype']
  const parsed = parseJson(response.body)
  return findErrorName(parsed.ok ? parsed.value : undefined, header) ?? `HTTP ${response.status}`
}

function encodeNextToken(offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: query })).toString('base64url')
}

function decodeNextToken(token: string, query: string): number | undefined {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      o?: unknown
      q?: unknown
    }
    return typeof decoded.o === 'number' &&
      Number.isInteger(decoded.o) &&
      decoded.o >= 0 &&
      decoded.q === query
      ? decoded.o
      : undefined
  } catch {
    return undefined
  }
}
