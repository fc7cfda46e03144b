/**
 * The provider states of the pacts, as the simulator sets them up. Each handler reads the state's
 * parameters; an unknown state or a parameter the simulator cannot satisfy is an error, so a pact can
 * never pass on a state nobody set up.
 */
import type { Simulator } from '../mock/simulator.js'
import { ToolkitError } from '../internal/toolkit-error.js'
import { isErrorName } from '../model/errors.js'
import type { Revision } from '../model/revisions.js'
import { PACT_STATE_NAMES } from './pact-interactions.js'

/** A state handler: sets the simulator up for the state's parameters. */
export type ProviderStateHandler = (
  simulator: Simulator,
  params: Readonly<Record<string, unknown>>,
  revision: Revision,
) => void

const START = 'StartEngagementByAcceptingInvitationTask'

function text(params: Readonly<Record<string, unknown>>, name: string, state: string): string {
  const value = params[name]
  if (typeof value !== 'string' || value === '')
    throw new ToolkitError(`Provider state "${state}" needs the parameter ${name}.`)
  return value
}

/** The handlers, by state name. */
export const PROVIDER_STATES: Readonly<Record<string, ProviderStateHandler>> = {
  [PACT_STATE_NAMES.pending]: (simulator, params) => {
    const id = text(params, 'id', PACT_STATE_NAMES.pending)
    const catalog = text(params, 'catalog', PACT_STATE_NAMES.pending)
    const invitation = simulator
      .invitations()
      .find((candidate) => candidate.id === id && candidate.catalog === catalog)
    if (invitation?.status !== 'PENDING') {
      throw new ToolkitError(
        `Provider state "${PACT_STATE_NAMES.pending}": the simulator has no PENDING invitation ${id} in ${catalog}.`,
      )
    }
  },
  [PACT_STATE_NAMES.taskEnds]: (simulator, params) => {
    const status = text(params, 'status', PACT_STATE_NAMES.taskEnds)
    if (status !== 'COMPLETE' && status !== 'IN_PROGRESS')
      throw new ToolkitError(
        `Provider state "${PACT_STATE_NAMES.taskEnds}": status must be COMPLETE or IN_PROGRESS, got ${status}.`,
      )
    simulator.setScript({
      operations: {
        [START]: {
          then: status === 'COMPLETE' ? { kind: 'task', status: 'COMPLETE' } : { kind: 'pass' },
        },
      },
    })
  },
  [PACT_STATE_NAMES.taskFails]: (simulator, params, revision) => {
    const reasonCode = text(params, 'reasonCode', PACT_STATE_NAMES.taskFails)
    if (!(revision.reasonCodes as readonly string[]).includes(reasonCode)) {
      throw new ToolkitError(
        `Provider state "${PACT_STATE_NAMES.taskFails}": ${reasonCode} is not a ReasonCode of revision ${revision.id}; the service cannot fail a task with it.`,
      )
    }
    simulator.setScript({
      operations: {
        [START]: {
          then: {
            kind: 'task',
            status: 'FAILED',
            reasonCode,
            message: `The task failed: ${reasonCode}.`,
          },
        },
      },
    })
  },
  [PACT_STATE_NAMES.answers]: (simulator, params) => {
    const error = text(params, 'error', PACT_STATE_NAMES.answers)
    if (!isErrorName(error))
      throw new ToolkitError(
        `Provider state "${PACT_STATE_NAMES.answers}": ${error} is not one of the seven errors.`,
      )
    simulator.setScript({ operations: { [START]: { then: { kind: 'error', name: error } } } })
  },
  [PACT_STATE_NAMES.throttled]: (simulator) => {
    simulator.setScript({
      operations: { [START]: { then: { kind: 'error', name: 'ThrottlingException' } } },
    })
  },
}
