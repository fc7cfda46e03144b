/**
 * A rule of the rulebook: an id, a severity, a statement a user can read, which scenarios feed it, and
 * a pure function from a call run to a finding.
 */
import type { CallFacts } from './call-facts.js'
import type { CallRun } from './call-run.js'
import type { Expectation } from './expectation.js'
import type { Step } from '../mock/behaviour-script.js'

/** How much a broken rule matters: a failed `must` fails the run; a failed `should` is reported (and fails only with `--strict`). */
export type Severity = 'must' | 'should'

/** What a scenario is made of, as far as the rules care: what it expects and what the server does. */
export interface ScenarioShape {
  readonly expect: Expectation
  /** Every scripted Start step (first attempts and the persistent tail). */
  readonly steps: readonly Step[]
}

/** What one rule found in one run. */
export interface Finding {
  /** The rule's id. */
  readonly check: string
  readonly passed: boolean
  /** On failure: "The client did X; expected: Y." On success: what held. */
  readonly message: string
}

/** A rule. */
export interface Rule {
  readonly id: string
  readonly severity: Severity
  /** One line a user can read. */
  readonly title: string
  /** Whether a scenario of this shape exercises the rule (its column in the report). */
  feeds(shape: ScenarioShape): boolean
  /** The finding on a run, or undefined where the rule says nothing about it. */
  judge(run: CallRun, facts: CallFacts): Finding | undefined
}

/**
 * A passing finding.
 * @param rule The rule id.
 * @param message What held.
 * @returns The finding.
 */
export function pass(rule: string, message: string): Finding {
  return { check: rule, passed: true, message }
}

/**
 * A failing finding.
 * @param rule The rule id.
 * @param did What the client did.
 * @param expected What a correct client does.
 * @returns The finding.
 */
export function fail(rule: string, did: string, expected: string): Finding {
  return { check: rule, passed: false, message: `The client ${did}; expected: ${expected}.` }
}
