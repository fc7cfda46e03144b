/**
 * What a correct client ends a scenario with. The rules a scenario feeds follow from it (see
 * `rulesFedBy`), so a scenario cannot be wired to the wrong rules.
 */

/** What a correct client ends with. */
export type Expectation =
  /** A result with this TaskStatus (and ReasonCode); `polled` when a polling client must follow the task to its end. */
  | {
      readonly kind: 'result'
      readonly taskStatus: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED'
      readonly reasonCode?: string
      /** Start requests a careful client makes: 1 for a first-try success, the scripted count for a retried one. */
      readonly attempts: number
      /** The client must poll ListEngagementByAcceptingInvitationTasks to the task's end. */
      readonly polled?: true
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
