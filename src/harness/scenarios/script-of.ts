/**
 * Small builders of the behaviour scripts and inputs that scenarios share.
 */
import type { BehaviourScript, Step } from '../../mock/behaviour-script.js'

/** The invitation every scenario accepts unless it says otherwise (PENDING, Sandbox). */
const PENDING_INVITATION = 'engi-0123456789abc'

/**
 * A valid input with a ClientToken of the scenario's own.
 * @param scenarioId The scenario id (part of the token, so journals are easy to read).
 * @param identifier The invitation.
 * @returns The input.
 */
export function inputFor(
  scenarioId: string,
  identifier: string = PENDING_INVITATION,
): Record<string, unknown> {
  return { Catalog: 'Sandbox', Identifier: identifier, ClientToken: `eck-${scenarioId}` }
}

/**
 * A script for the Start operation: these steps for attempts 1, 2, …, then `then`.
 * @param steps The first attempts.
 * @param then Every later attempt. @defaultValue processed normally
 * @returns The script.
 */
export function startScript(steps: readonly Step[], then?: Step): BehaviourScript {
  return {
    operations: {
      StartEngagementByAcceptingInvitationTask: { steps, ...(then === undefined ? {} : { then }) },
    },
  }
}
