/**
 * A conformance scenario: one call of the client under test against a scripted simulator, with what a
 * correct client does. Scenarios are data (JSON-serialisable), built per revision by the catalog.
 */
import type { BehaviourScript } from '../mock/behaviour-script.js'
import type { CheckId } from './checks/check-info.js'

/** What a correct client ends with. */
export type Expectation =
  /** A result with this TaskStatus (and ReasonCode) after exactly this many Start requests. */
  | {
      readonly kind: 'result'
      readonly taskStatus: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED'
      readonly reasonCode?: string
      /** Start requests: exact for a first-try success, the scripted count for a retried one. */
      readonly attempts: number
    }
  /** An error reported by this name after exactly one request (not retried). */
  | { readonly kind: 'error'; readonly name: string }
  /** Retried (same token, same body) and finally reported as an error, within 10 attempts. */
  | { readonly kind: 'gives-up'; readonly name?: string }
  /** A result or an error, but never a crash or a hang (malformed answers). */
  | { readonly kind: 'reported' }
  /** Refused by the client (nothing sent) or the simulator's ValidationException; never a success. */
  | { readonly kind: 'refused' }
  /** Given up with an error before the scenario deadline (a server that never answers). */
  | { readonly kind: 'timeout' }

/** One scenario of the catalog. */
export interface Scenario {
  /** Stable id, e.g. `error.ConflictException`; safe in a URL path segment. */
  readonly id: string
  /** One line for people. */
  readonly title: string
  /** For `--only` / `--skip`: e.g. `success`, `error`, `retry`, `encoding`, `malformed`. */
  readonly tags: readonly string[]
  /** The call's input as the client receives it (possibly invalid). */
  readonly input: Readonly<Record<string, unknown>>
  /** The simulator's behaviour for this scenario; none means normal processing. */
  readonly script?: BehaviourScript
  /** List polls that see a new task IN_PROGRESS (polling scenarios). */
  readonly pollsInProgress?: number
  /** What a correct client ends with. */
  readonly expect: Expectation
  /** The checks this scenario feeds, besides the wire check that every scenario feeds. */
  readonly checks: readonly CheckId[]
  /** Only for clients that declare that they poll. */
  readonly requiresPolling?: boolean
  /** The invitation whose tasks the scenario counts (lost responses). */
  readonly invitationId?: string
  /** Why the scenario exists, for reports: the service-facts or issue rule it tests. */
  readonly why: string
}
