/**
 * The front door: the errors common to every action (each once and on every attempt, and the credential
 * errors at the other documented status too, so that a client that maps statuses to names is caught),
 * the client's key expired, unknown, without permission or of an account that has not opted in, and
 * the server's clock 20 minutes ahead of and behind the client's.
 */
import type { CredentialStatus } from '../../mock/credentials.js'
import { credentialError } from '../../mock/credentials.js'
import {
  FRONT_DOOR_ERRORS,
  FRONT_DOOR_ERROR_NAMES,
  type FrontDoorErrorInfo,
} from '../../model/front-door-errors.js'
import type { ScenarioDefinition } from '../scenario.js'
import { PERSISTENT_DEADLINE_MS } from './retry-scenarios.js'
import { inputFor, startScript } from './script-of.js'

const SKEW_MS = 20 * 60_000

const WHY_COMMON =
  'The reference page sends readers to Common Errors; the JSON front door writes them as com.amazon.coral.service#Name with the header agreeing (README "The front door").'

const CREDENTIALS: readonly { readonly status: CredentialStatus; readonly title: string }[] = [
  { status: 'expired', title: "the client's session credentials have expired" },
  { status: 'unknown', title: "the client's access key is not known to the service" },
  { status: 'denied', title: "the client's credentials may not call the operation" },
  { status: 'not-opted-in', title: "the client's account has not opted in to the service" },
]

/**
 * The front-door scenarios.
 * @returns Common errors once and persistently (and at the other status), credentials, clock skew.
 */
export function frontDoorScenarios(): ScenarioDefinition[] {
  const scenarios: ScenarioDefinition[] = []
  for (const name of FRONT_DOOR_ERROR_NAMES) {
    const info: FrontDoorErrorInfo = FRONT_DOOR_ERRORS[name]
    const retryable = info.retry === 'retryable'
    const once = `front-door.${name}.once`
    scenarios.push({
      id: once,
      title: `${name} (${String(info.httpStatus)}) from the front door once${retryable ? ', then success' : ''}`,
      tags: ['front-door', retryable ? 'retry' : 'error'],
      input: inputFor(once),
      script: startScript([{ kind: 'front-door', name }]),
      expect: retryable
        ? { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 }
        : { kind: 'error', name },
      why: `${WHY_COMMON} Every official SDK ${retryable ? 'retries' : 'reports without retrying'} ${name}.`,
    })
    const persistent = `front-door.${name}.persistent`
    scenarios.push({
      id: persistent,
      title: `${name} (${String(info.httpStatus)}) from the front door on every attempt`,
      tags: ['front-door', 'persistent', retryable ? 'retry' : 'error'],
      input: inputFor(persistent),
      script: startScript([], { kind: 'front-door', name }),
      ...(retryable ? { deadlineMs: PERSISTENT_DEADLINE_MS } : {}),
      expect: retryable ? { kind: 'gives-up', name } : { kind: 'error', name },
      why: retryable
        ? 'Retries are bounded: a front door that keeps failing must end as a reported error.'
        : `${name} does not go away by retrying (an expired token stays expired): one request, reported by its name.`,
    })
    if (info.otherStatus === undefined) continue
    const other = `front-door.${name}.status-${String(info.otherStatus)}`
    scenarios.push({
      id: other,
      title: `${name} at ${String(info.otherStatus)}, the other status it is documented with`,
      tags: ['front-door', 'status', retryable ? 'retry' : 'error'],
      input: inputFor(other),
      script: startScript([{ kind: 'front-door', name, status: info.otherStatus }]),
      expect: retryable
        ? { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 }
        : { kind: 'error', name },
      why: `The JSON front door and the Common Errors page give ${name} different statuses (README "The front door"): a client reads the name, not the status.`,
    })
  }
  for (const { status, title } of CREDENTIALS) {
    const id = `front-door.credentials.${status}`
    const name = credentialError(status) ?? 'UnrecognizedClientException'
    scenarios.push({
      id,
      title: `${title}: ${name}, not retried`,
      tags: ['front-door', 'credentials', 'error'],
      input: inputFor(id),
      credentials: status,
      expect: { kind: 'error', name },
      why: `The front door checks the key before the operation; ${name} is final (sdk-facts "Common Errors"), and a client that retries it only adds load.`,
    })
  }
  for (const [direction, skewMs] of [
    ['ahead', SKEW_MS],
    ['behind', -SKEW_MS],
  ] as const) {
    const id = `front-door.clock.${direction}`
    scenarios.push({
      id,
      title: `The server's clock is 20 minutes ${direction} of the client's: "Signature ${direction === 'ahead' ? 'expired' : 'not yet current'}", then a corrected retry succeeds`,
      tags: ['front-door', 'clock'],
      input: inputFor(id),
      script: startScript([], { kind: 'skew', skewMs }),
      expect: { kind: 'reported' },
      why: 'The front door refuses a signature more than 15 minutes from its clock and shows its clock in Date; the JS and Go SDKs correct their clock from it and retry, botocore does not (sdk-facts "clock-skew correction").',
    })
  }
  return scenarios
}
