/**
 * The fuzzer's vocabulary of server behaviour: one simulator step per attempt, drawn at random from
 * everything the simulator can do (errors with random members and encodings, proxy pages, resets, lost
 * responses, FAILED tasks with any ReasonCode, malformed and surprising bodies, latency, silence).
 */
import fc from 'fast-check'
import { errorResponse } from '../../generators/error-response.js'
import type { Step } from '../mock/behaviour-script.js'
import { ERROR_ENCODING_NAMES } from '../model/error-encodings.js'
import {
  FRONT_DOOR_ERRORS,
  FRONT_DOOR_ERROR_NAMES,
  type FrontDoorErrorInfo,
} from '../model/front-door-errors.js'
import type { Revision } from '../model/revisions.js'

/** The kinds of fault the fuzzer draws, for its coverage summary. */
export const FAULT_KINDS = [
  'pass',
  'modelled-error',
  'unknown-error',
  'throttling-retry-after',
  'proxy-status',
  'reset-before',
  'reset-after',
  'failed-task',
  'complete-task',
  'malformed',
  'extra-fields',
  'hang',
  'front-door',
  'skew',
] as const

/** One kind of fault. */
export type FaultKind = (typeof FAULT_KINDS)[number]

/** An unknown ReasonCode, so that clients meet enum values no model has. */
const FUTURE_REASON_CODES = ['SomeFutureReasonCode', 'PartnerTierNotEligible']
/** Error names no model has and no SDK treats as throttling or transient. */
const FUTURE_ERROR_NAMES = [
  'SomeFutureException',
  'EngagementLockedException',
  'UnknownPartnerException',
]
const MALFORMED_FORMS = [
  'truncated-json',
  'wrong-content-type',
  'epoch-start-time',
  'html-200',
  'empty-200',
  'not-an-object',
] as const

/** Options of {@link faultStep}. */
export interface FaultStepConstraints {
  /** Weight of `hang` (each costs the client's whole timeout). @defaultValue 1 (of about 100) */
  readonly hangWeight?: number
  /** Weight of a 429 with `Retry-After: 1` (each costs a second). @defaultValue 1 */
  readonly retryAfterWeight?: number
}

const latency = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 150 }) },
)

/**
 * One step of the server's behaviour, tagged with its kind.
 * @param revision The revision (HTTP statuses, ReasonCodes).
 * @param constraints Weights of the slow faults.
 * @returns The arbitrary.
 */
export function faultStep(
  revision: Revision,
  constraints: FaultStepConstraints = {},
): fc.Arbitrary<Step> {
  const modelled = errorResponse({ revision: revision.id }).map((wire): Step => {
    const members: Record<string, unknown> = {}
    let message: string | undefined
    for (const [key, value] of Object.entries(wire.body)) {
      if (key === '__type' || key === 'code' || key === 'ErrorDetails') continue
      if (key === 'Message' || key === 'message') message = String(value)
      else members[key] = value
    }
    return {
      kind: 'error',
      name: wire.name,
      status: wire.status,
      encoding: wire.encoding,
      messageKey: wire.messageKey,
      ...(message === undefined ? {} : { message }),
      members,
    }
  })
  const unknown = fc
    .record({
      name: fc.constantFrom(...FUTURE_ERROR_NAMES),
      status: fc.constantFrom(400, 400, 403, 500, 503),
      encoding: fc.constantFrom(...ERROR_ENCODING_NAMES),
    })
    .map((error): Step => ({ kind: 'error', ...error }))
  const proxy = fc
    .record({
      status: fc.constantFrom(429, 500, 502, 503, 504),
      body: fc.constantFrom('html', 'empty', 'json'),
    })
    .map((http): Step => ({ kind: 'http', ...http }))
  const failed = fc
    .oneof(fc.constantFrom(...revision.reasonCodes), fc.constantFrom(...FUTURE_REASON_CODES))
    .map(
      (reasonCode): Step => ({
        kind: 'task',
        status: 'FAILED',
        reasonCode,
        message: `The task failed: ${reasonCode}.`,
      }),
    )
  const extra = fc.dictionary(
    fc.constantFrom('FutureMember', 'Details', 'NextAction', 'Warnings'),
    fc.jsonValue({ maxDepth: 2 }),
    { minKeys: 1, maxKeys: 3 },
  )
  // The front door's common errors, at the status the JSON front door sends or the other documented one.
  const frontDoor = fc
    .record({ name: fc.constantFrom(...FRONT_DOOR_ERROR_NAMES), other: fc.boolean() })
    .map(({ name, other }): Step => {
      const info: FrontDoorErrorInfo = FRONT_DOOR_ERRORS[name]
      return other && info.otherStatus !== undefined
        ? { kind: 'front-door', name, status: info.otherStatus }
        : { kind: 'front-door', name }
    })
  return fc.oneof(
    {
      weight: 30,
      arbitrary: latency.map(
        (latencyMs): Step => (latencyMs === 0 ? { kind: 'pass' } : { kind: 'pass', latencyMs }),
      ),
    },
    { weight: 16, arbitrary: modelled },
    { weight: 5, arbitrary: unknown },
    {
      weight: constraints.retryAfterWeight ?? 1,
      arbitrary: fc.constant<Step>({
        kind: 'error',
        name: 'ThrottlingException',
        status: 429,
        retryAfter: '1',
      }),
    },
    // Throttling named in a 400 (and other throttling names): retried by name, not by status.
    {
      weight: 4,
      arbitrary: fc
        .constantFrom('ThrottlingException', 'TooManyRequestsException')
        .map((name): Step => ({ kind: 'error', name, status: 400 })),
    },
    { weight: 12, arbitrary: proxy },
    { weight: 6, arbitrary: fc.constant<Step>({ kind: 'reset-before' }) },
    { weight: 6, arbitrary: fc.constant<Step>({ kind: 'reset-after' }) },
    { weight: 8, arbitrary: failed },
    { weight: 3, arbitrary: fc.constant<Step>({ kind: 'task', status: 'COMPLETE' }) },
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...MALFORMED_FORMS)
        .map((form): Step => ({ kind: 'malformed', form })),
    },
    { weight: 4, arbitrary: extra.map((fields): Step => ({ kind: 'extra-fields', fields })) },
    { weight: constraints.hangWeight ?? 1, arbitrary: fc.constant<Step>({ kind: 'hang' }) },
    { weight: 6, arbitrary: frontDoor },
  )
}

/**
 * The kind of a step, for the coverage summary.
 * @param step A step.
 * @returns Its kind.
 */
export function faultKindOf(step: Step): FaultKind {
  switch (step.kind) {
    case 'pass':
      return 'pass'
    case 'error':
      if (step.retryAfter !== undefined) return 'throttling-retry-after'
      return FUTURE_ERROR_NAMES.includes(step.name) ? 'unknown-error' : 'modelled-error'
    case 'http':
      return 'proxy-status'
    case 'task':
      return step.status === 'COMPLETE' ? 'complete-task' : 'failed-task'
    default:
      return step.kind
  }
}
