/**
 * Behaviour scripts: a JSON-serialisable description of what the simulator does, per operation and
 * per attempt, e.g. "throttle the first 2 attempts, then succeed". Faults are sequences or seeded
 * probabilities; the same seed gives the same run.
 */
import { ERROR_ENCODINGS, type ErrorEncoding, type MessageKey } from '../model/error-encodings.js'
import { OPERATIONS, type OperationName } from '../model/operation.js'
import { TASK_STATUSES, type TaskStatus } from '../model/enums.js'
import { UsageError } from '../internal/toolkit-error.js'
import {
  FRONT_DOOR_ERROR_NAMES,
  isFrontDoorErrorName,
  type FrontDoorErrorName,
} from '../model/front-door-errors.js'

/** Timing that any step may carry. */
export interface StepTiming {
  /** Wait before answering, in ms (0..60000). */
  readonly latencyMs?: number
  /** Add a seeded random 0..jitterMs to the latency. */
  readonly jitterMs?: number
  /** Send the body in `chunks` pieces, this many ms apart. */
  readonly dribbleMs?: number
  /** How many pieces, with `dribbleMs`. */
  readonly chunks?: number
}

/** Process the request normally. */
export interface PassStep extends StepTiming {
  readonly kind: 'pass'
}

/** Answer with an error, modelled or not. */
export interface ErrorStep extends StepTiming {
  readonly kind: 'error'
  /** e.g. `ThrottlingException`; any name is allowed (unknown errors). */
  readonly name: string
  /** Defaults to the revision's status of the error (400 for unknown names). */
  readonly status?: number
  /** How the name is written. @defaultValue 'type-and-header' */
  readonly encoding?: ErrorEncoding
  /** @defaultValue 'Message' */
  readonly messageKey?: MessageKey
  readonly message?: string
  /** Other members, e.g. `Reason`, `ErrorList`. */
  readonly members?: Readonly<Record<string, unknown>>
  /** A `Retry-After` header (seconds or an HTTP date). */
  readonly retryAfter?: string
  /** Process the request first (a task is created), then answer the error. */
  readonly afterProcessing?: boolean
}

/** Answer a bare HTTP status, as a proxy or load balancer does. */
export interface HttpStep extends StepTiming {
  readonly kind: 'http'
  readonly status: number
  /** `html` (a proxy page), `empty`, or `json` (`{}`). @defaultValue 'html' */
  readonly body?: 'html' | 'empty' | 'json'
  readonly retryAfter?: string
}

/** Process the request and answer with the task already in this state. */
export interface TaskStep extends StepTiming {
  readonly kind: 'task'
  readonly status: TaskStatus
  /** With FAILED: any ReasonCode, unknown future ones included. */
  readonly reasonCode?: string
  readonly message?: string
}

/** Process the request, then answer with a malformed success. */
export interface MalformedStep extends StepTiming {
  readonly kind: 'malformed'
  readonly form:
    | 'truncated-json'
    | 'wrong-content-type'
    | 'epoch-start-time'
    | 'html-200'
    | 'empty-200'
    | 'not-an-object'
}

/** Process the request, then add members the model does not have. */
export interface ExtraFieldsStep extends StepTiming {
  readonly kind: 'extra-fields'
  readonly fields?: Readonly<Record<string, unknown>>
}

/** Network faults: reset before processing, reset after processing (lost response), never answer. */
export interface NetworkStep extends StepTiming {
  readonly kind: 'reset-before' | 'reset-after' | 'hang'
}

/**
 * Answer one of the front door's common errors (ahead of the signature and the operation), in the
 * front door's wire form: `com.amazon.coral.service#Name` in `__type` and `X-Amzn-Errortype`.
 */
export interface FrontDoorStep extends StepTiming {
  readonly kind: 'front-door'
  /** e.g. `ServiceUnavailable`, `ExpiredTokenException`, `RequestExpired`. */
  readonly name: FrontDoorErrorName
  /** @defaultValue the status the JSON front door sends (model/front-door-errors.ts) */
  readonly status?: number
  /** @defaultValue the message AWS sends */
  readonly message?: string
}

/**
 * Judge this attempt with the server's clock this far ahead of the real one (negative: behind):
 * a request signed more than 15 minutes from it is refused ("Signature expired" / "not yet current"),
 * and the answer's `Date` header shows the server's clock, so an SDK can correct its own.
 */
export interface SkewStep extends StepTiming {
  readonly kind: 'skew'
  /** -86400000..86400000 ms. */
  readonly skewMs: number
}

/** What the simulator does with one attempt. */
export type Step =
  | PassStep
  | FrontDoorStep
  | SkewStep
  | ErrorStep
  | HttpStep
  | TaskStep
  | MalformedStep
  | ExtraFieldsStep
  | NetworkStep

/** The behaviour of one operation. */
export interface OperationScript {
  /** Steps for attempts 1, 2, …, in order. */
  readonly steps?: readonly Step[]
  /** After the steps: faults drawn with these probabilities (seeded), checked in order. */
  readonly random?: readonly { readonly probability: number; readonly step: Step }[]
  /** After the steps, when no random fault was drawn. @defaultValue { kind: 'pass' } */
  readonly then?: Step
}

/** A whole script. */
export interface BehaviourScript {
  /** Seed of the random faults and jitter. @defaultValue 1 */
  readonly seed?: number
  readonly operations?: Partial<Record<OperationName, OperationScript>>
}

const STEP_KINDS = [
  'pass',
  'error',
  'http',
  'task',
  'malformed',
  'extra-fields',
  'reset-before',
  'reset-after',
  'hang',
  'front-door',
  'skew',
]
const MALFORMED_FORMS = [
  'truncated-json',
  'wrong-content-type',
  'epoch-start-time',
  'html-200',
  'empty-200',
  'not-an-object',
]

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function fail(where: string, message: string): never {
  throw new UsageError(`Invalid behaviour script at ${where}: ${message}`)
}

function checkNumber(where: string, value: unknown, min: number, max: number): void {
  if (
    value !== undefined &&
    (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
  ) {
    fail(where, `expected a number from ${min} to ${max}, got ${JSON.stringify(value)}.`)
  }
}

function checkStep(where: string, step: unknown, operation: string): Step {
  if (!isRecord(step))
    fail(where, `a step must be an object like {"kind":"pass"}, got ${JSON.stringify(step)}.`)
  const kind = step.kind
  if (typeof kind !== 'string' || !STEP_KINDS.includes(kind)) {
    fail(`${where}.kind`, `expected one of ${STEP_KINDS.join(', ')}, got ${JSON.stringify(kind)}.`)
  }
  checkNumber(`${where}.latencyMs`, step.latencyMs, 0, 60_000)
  checkNumber(`${where}.jitterMs`, step.jitterMs, 0, 60_000)
  checkNumber(`${where}.dribbleMs`, step.dribbleMs, 0, 10_000)
  checkNumber(`${where}.chunks`, step.chunks, 1, 1000)
  if (kind === 'error') {
    if (typeof step.name !== 'string' || step.name === '')
      fail(`${where}.name`, 'an error step needs the error name, e.g. "ThrottlingException".')
    checkNumber(`${where}.status`, step.status, 100, 599)
    if (
      step.encoding !== undefined &&
      !(typeof step.encoding === 'string' && Object.hasOwn(ERROR_ENCODINGS, step.encoding))
    ) {
      fail(
        `${where}.encoding`,
        `expected one of ${Object.keys(ERROR_ENCODINGS).join(', ')}, got ${JSON.stringify(step.encoding)}.`,
      )
    }
    if (
      step.messageKey !== undefined &&
      step.messageKey !== 'Message' &&
      step.messageKey !== 'message'
    )
      fail(`${where}.messageKey`, 'expected "Message" or "message".')
    if (step.members !== undefined && !isRecord(step.members))
      fail(`${where}.members`, 'expected an object.')
  }
  if (kind === 'front-door') {
    if (typeof step.name !== 'string' || !isFrontDoorErrorName(step.name))
      fail(
        `${where}.name`,
        `expected one of ${FRONT_DOOR_ERROR_NAMES.join(', ')}, got ${JSON.stringify(step.name)}.`,
      )
    checkNumber(`${where}.status`, step.status, 100, 599)
    if (step.message !== undefined && typeof step.message !== 'string')
      fail(`${where}.message`, 'expected a string.')
  }
  if (kind === 'skew') {
    checkNumber(`${where}.skewMs`, step.skewMs, -86_400_000, 86_400_000)
    if (step.skewMs === undefined)
      fail(`${where}.skewMs`, 'a skew step needs skewMs, e.g. 1200000 for 20 minutes ahead.')
  }
  if (kind === 'http') {
    checkNumber(`${where}.status`, step.status, 100, 599)
    if (step.status === undefined) fail(`${where}.status`, 'an http step needs a status, e.g. 503.')
    if (
      step.body !== undefined &&
      (typeof step.body !== 'string' || !['html', 'empty', 'json'].includes(step.body))
    )
      fail(`${where}.body`, 'expected "html", "empty" or "json".')
  }
  if (kind === 'task') {
    if (operation !== 'StartEngagementByAcceptingInvitationTask') {
      fail(
        `${where}.kind`,
        'a task step decides the task that StartEngagementByAcceptingInvitationTask creates; other operations show that task as it is.',
      )
    }
    if (!(TASK_STATUSES as readonly unknown[]).includes(step.status))
      fail(`${where}.status`, `expected one of ${TASK_STATUSES.join(', ')}.`)
    if (step.reasonCode !== undefined && typeof step.reasonCode !== 'string')
      fail(`${where}.reasonCode`, 'expected a string.')
  }
  if (kind === 'malformed' && !MALFORMED_FORMS.includes(String(step.form))) {
    fail(
      `${where}.form`,
      `expected one of ${MALFORMED_FORMS.join(', ')}, got ${JSON.stringify(step.form)}.`,
    )
  }
  if (kind === 'extra-fields' && step.fields !== undefined && !isRecord(step.fields))
    fail(`${where}.fields`, 'expected an object.')
  return step as unknown as Step
}

/**
 * Checks an untrusted value (e.g. a parsed `--script` file) and returns it as a script.
 * @param value The parsed JSON.
 * @returns The script.
 * @throws UsageError naming the first wrong place and what was expected.
 */
export function parseBehaviourScript(value: unknown): BehaviourScript {
  if (!isRecord(value))
    fail(
      'the top level',
      'expected an object like {"operations":{"StartEngagementByAcceptingInvitationTask":{"steps":[…]}}}.',
    )
  for (const key of Object.keys(value)) {
    if (key !== 'seed' && key !== 'operations')
      fail(key, 'unknown member; a script has "seed" and "operations".')
  }
  checkNumber('seed', value.seed, -(2 ** 31), 2 ** 31)
  const operations = value.operations ?? {}
  if (!isRecord(operations)) fail('operations', 'expected an object keyed by operation name.')
  for (const [name, script] of Object.entries(operations)) {
    if (!(OPERATIONS as readonly string[]).includes(name))
      fail(`operations.${name}`, `unknown operation; known: ${OPERATIONS.join(', ')}.`)
    if (!isRecord(script))
      fail(`operations.${name}`, 'expected an object with steps, random and then.')
    if (script.steps !== undefined) {
      if (!Array.isArray(script.steps))
        fail(`operations.${name}.steps`, 'expected an array of steps.')
      script.steps.forEach((step, index) =>
        checkStep(`operations.${name}.steps[${index}]`, step, name),
      )
    }
    if (script.random !== undefined) {
      if (!Array.isArray(script.random))
        fail(`operations.${name}.random`, 'expected an array of {probability, step}.')
      script.random.forEach((entry: unknown, index) => {
        if (!isRecord(entry))
          fail(`operations.${name}.random[${index}]`, 'expected {probability, step}.')
        checkNumber(`operations.${name}.random[${index}].probability`, entry.probability, 0, 1)
        if (entry.probability === undefined)
          fail(`operations.${name}.random[${index}].probability`, 'required.')
        checkStep(`operations.${name}.random[${index}].step`, entry.step, name)
      })
    }
    if (script.then !== undefined) checkStep(`operations.${name}.then`, script.then, name)
  }
  return value
}
