/**
 * A conformance scenario: one call of the client under test against a scripted simulator, with what a
 * correct client ends with. Scenarios are data (JSON-serialisable), built per revision by the catalog;
 * the rules each one feeds follow from its expectation and script.
 */
import type { BehaviourScript } from '../mock/behaviour-script.js'
import type { Expectation } from '../judge/expectation.js'
import type { CredentialStatus } from '../mock/credentials.js'

export type { Expectation } from '../judge/expectation.js'

/** A scenario as written in `scenarios/`: everything but the rules it feeds. */
export interface ScenarioDefinition {
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
  /** The status of the client's key at the front door (expired, unknown, …). @defaultValue 'valid' */
  readonly credentials?: CredentialStatus
  /** What a correct client ends with. */
  readonly expect: Expectation
  /** Only for clients that declare that they poll. */
  readonly requiresPolling?: boolean
  /**
   * The least deadline this scenario needs (persistent failures: 10 attempts of standard backoff);
   * a longer `--deadline` wins.
   */
  readonly deadlineMs?: number
  /** Why the scenario exists, for reports: the service-facts or issue rule it tests. */
  readonly why: string
}

/** One scenario of the catalog. */
export interface Scenario extends ScenarioDefinition {
  /** The rules this scenario exercises, derived from `expect` and `script` (its columns in reports). */
  readonly rules: readonly string[]
}
