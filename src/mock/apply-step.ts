/**
 * The one place where a behaviour-script step (a fault) acts on an attempt. A step acts at one of
 * three stages: at the front door (a common error, a skewed clock), before the operation (an error,
 * a bare HTTP answer, a reset, a hang), or on the operation's answer (a lost response, a malformed
 * or extended success, an error after processing). Adding a fault is a case here and in the script.
 */
import { ERROR_INFO, isErrorName } from '../model/errors.js'
import { FRONT_DOOR_ERRORS } from '../model/front-door-errors.js'
import type { Revision } from '../model/revisions.js'
import type { SeededRandom } from '../internal/seeded-random.js'
import type { ErrorStep, MalformedStep, Step } from './behaviour-script.js'
import { errorResponse, frameworkError, proxyResponse } from './responses.js'
import type { Delivery, WireResponse } from './wire.js'

/** What a step does at a stage: answer now, reset, never answer, or let the request go on. */
export type StepAction =
  | { readonly kind: 'respond'; readonly response: WireResponse }
  | { readonly kind: 'reset-before' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'continue' }

const CONTINUE: StepAction = { kind: 'continue' }

/**
 * How the answer to this attempt is delivered: latency, jitter and dribbling.
 * @param step The attempt's step.
 * @param random The simulator's seeded random source (for jitter).
 * @returns The delivery.
 */
export function deliveryOf(step: Step, random: SeededRandom): Delivery {
  const jitter = step.jitterMs === undefined ? 0 : Math.floor(random.next() * (step.jitterMs + 1))
  return {
    delayMs: (step.latencyMs ?? 0) + jitter,
    chunks: step.chunks ?? (step.dribbleMs === undefined ? 1 : 4),
    dribbleMs: step.dribbleMs ?? 0,
  }
}

/**
 * How far the server's clock is off for this attempt, besides the simulator's own skew.
 * @param step The attempt's step.
 * @returns Milliseconds ahead (negative: behind).
 */
export function stepSkewMs(step: Step): number {
  return step.kind === 'skew' ? step.skewMs : 0
}

/**
 * Stage 1, at the front door, before the signature is checked: a common error.
 * @param step The attempt's step.
 * @returns The action.
 */
export function atFrontDoor(step: Step): StepAction {
  if (step.kind !== 'front-door') return CONTINUE
  const info = FRONT_DOOR_ERRORS[step.name]
  return {
    kind: 'respond',
    response: frameworkError(
      step.name,
      step.status ?? info.httpStatus,
      step.message ?? info.message,
    ),
  }
}

/**
 * Stage 2, after the front door and before the operation.
 * @param step The attempt's step.
 * @param revision The revision (for modelled errors' statuses).
 * @returns The action.
 */
export function beforeOperation(step: Step, revision: Revision): StepAction {
  switch (step.kind) {
    case 'reset-before':
      return { kind: 'reset-before' }
    case 'hang':
      return { kind: 'hang' }
    case 'http':
      return {
        kind: 'respond',
        response: proxyResponse(step.status, step.body ?? 'html', step.retryAfter),
      }
    case 'error':
      return step.afterProcessing === true
        ? CONTINUE
        : { kind: 'respond', response: scriptedError(step, revision) }
    default:
      return CONTINUE
  }
}

/**
 * Stage 3, on the operation's answer: a lost response, an error after processing, a malformed or
 * extended success. An error answer of the operation itself is left as it is.
 * @param step The attempt's step.
 * @param response The operation's answer.
 * @param revision The revision.
 * @returns The answer to send, or `reset-after` (the answer is lost).
 */
export function afterOperation(
  step: Step,
  response: WireResponse,
  revision: Revision,
):
  | { readonly kind: 'respond'; readonly response: WireResponse }
  | { readonly kind: 'reset-after' } {
  if (step.kind === 'reset-after') return { kind: 'reset-after' }
  if (response.status !== 200) return { kind: 'respond', response }
  switch (step.kind) {
    case 'error':
      return { kind: 'respond', response: scriptedError(step, revision) }
    case 'malformed':
      return { kind: 'respond', response: malformed(step.form, response) }
    case 'extra-fields': {
      const body = JSON.parse(response.body) as Record<string, unknown>
      return {
        kind: 'respond',
        response: {
          ...response,
          body: JSON.stringify({
            ...body,
            ...(step.fields ?? { FutureMember: 'x', Nested: { Deep: [1, 2, 3] } }),
          }),
        },
      }
    }
    default:
      return { kind: 'respond', response }
  }
}

function malformed(form: MalformedStep['form'], response: WireResponse): WireResponse {
  const body = JSON.parse(response.body) as Record<string, unknown>
  switch (form) {
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
}

/**
 * The error a script step answers: full members by default, so that a client meets every field a
 * real error can carry.
 */
function scriptedError(step: ErrorStep, revision: Revision): WireResponse {
  const status = step.status ?? (isErrorName(step.name) ? revision.errorHttpStatus[step.name] : 400)
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
