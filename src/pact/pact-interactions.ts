/**
 * The Pact interactions of StartEngagementByAcceptingInvitationTask, as data built from the model: a
 * success as IN_PROGRESS, COMPLETE and FAILED with each ReasonCode, and each of the seven errors, each
 * with named, parameterised provider states. Consumer tests, `eck pact` and provider verification all
 * read this one list.
 */
import { ERROR_NAMES, type ErrorName } from '../model/errors.js'
import { resolveRevision } from '../model/revisions.js'

/** A provider state with its parameters. */
export interface PactState {
  readonly name: string
  readonly params: Readonly<Record<string, string>>
}

/** What the provider answers in one interaction. */
export type PactAnswer =
  | {
      readonly kind: 'task'
      readonly taskStatus: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED'
      readonly reasonCode?: string
    }
  | { readonly kind: 'error'; readonly name: ErrorName; readonly status: number }

/** One interaction. */
export interface PactInteraction {
  /** Unique, stable: the interaction's name in the pact. */
  readonly description: string
  readonly states: readonly PactState[]
  /** The call's input (example values; the pact matches them by the model's patterns). */
  readonly input: {
    readonly Catalog: string
    readonly Identifier: string
    readonly ClientToken: string
  }
  readonly answer: PactAnswer
}

/** The provider's name in pacts. */
export const PACT_PROVIDER = 'partnercentral-selling'

/** The invitation every interaction accepts. */
export const PACT_INVITATION = { id: 'engi-0123456789abc', catalog: 'Sandbox' } as const

/** State names (parameters in braces). */
export const PACT_STATE_NAMES = {
  pending: 'invitation {id} is PENDING in {catalog}',
  taskEnds: 'the task for the invitation is {status}',
  taskFails: 'the task for the invitation fails with {reasonCode}',
  answers: 'the service answers {error}',
  throttled: 'requests are throttled',
} as const

function pending(): PactState {
  return {
    name: PACT_STATE_NAMES.pending,
    params: { id: PACT_INVITATION.id, catalog: PACT_INVITATION.catalog },
  }
}

function inputFor(token: string): PactInteraction['input'] {
  return { Catalog: PACT_INVITATION.catalog, Identifier: PACT_INVITATION.id, ClientToken: token }
}

/**
 * The interactions of a revision.
 * @param revision A revision id or alias. @defaultValue '2025-12'
 * @returns The interactions, in a stable order.
 */
export function pactInteractions(revision?: string): PactInteraction[] {
  const rev = resolveRevision(revision)
  const interactions: PactInteraction[] = [
    {
      description: 'a start for a pending invitation, answered IN_PROGRESS',
      states: [pending()],
      input: inputFor('pact-in-progress'),
      answer: { kind: 'task', taskStatus: 'IN_PROGRESS' },
    },
    {
      description: 'a start for a pending invitation, answered COMPLETE',
      states: [pending(), { name: PACT_STATE_NAMES.taskEnds, params: { status: 'COMPLETE' } }],
      input: inputFor('pact-complete'),
      answer: { kind: 'task', taskStatus: 'COMPLETE' },
    },
  ]
  for (const reasonCode of rev.reasonCodes) {
    interactions.push({
      description: `a start whose task FAILED with ${reasonCode}`,
      states: [pending(), { name: PACT_STATE_NAMES.taskFails, params: { reasonCode } }],
      input: inputFor(`pact-failed-${reasonCode}`),
      answer: { kind: 'task', taskStatus: 'FAILED', reasonCode },
    })
  }
  for (const name of ERROR_NAMES) {
    const state: PactState =
      name === 'ThrottlingException'
        ? { name: PACT_STATE_NAMES.throttled, params: {} }
        : { name: PACT_STATE_NAMES.answers, params: { error: name } }
    interactions.push({
      description: `a start answered with ${name}`,
      states: [pending(), state],
      input: inputFor(`pact-error-${name}`),
      answer: { kind: 'error', name, status: rev.errorHttpStatus[name] },
    })
  }
  return interactions
}
