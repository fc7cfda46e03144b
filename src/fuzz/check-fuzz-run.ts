/**
 * The fuzzer's oracle is the rulebook: a fuzz run is judged by every rule, from what the simulator saw
 * (the journal) and what the client reported. This file maps the rules' findings onto the fuzz report.
 */
import type { CallRun } from '../judge/call-run.js'
import type { Severity } from '../judge/rule.js'
import { judgeRun, ruleInfo } from '../judge/rulebook.js'

/** A broken rule in a fuzz run. */
export interface Violation {
  /** The rule id (`wire`, `retries-transient`, …; `task-model` for model-based runs). */
  readonly invariant: string
  readonly severity: Severity
  readonly message: string
}

/**
 * Judges one fuzz run with the rulebook.
 * @param run What happened.
 * @returns The broken rules, must and should alike; none for a correct client.
 */
export function checkFuzzRun(run: CallRun): Violation[] {
  return judgeRun(run)
    .filter((finding) => !finding.passed)
    .map((finding) => ({
      invariant: finding.check,
      severity: ruleInfo(finding.check).severity,
      message: finding.message,
    }))
}

/**
 * Whether violations fail a fuzz run: a broken must rule, or with `strict` any rule.
 * @param violations The violations of a run.
 * @param strict Count should rules too.
 * @returns True when the run fails.
 */
export function failsFuzzRun(violations: readonly Violation[], strict = false): boolean {
  return violations.some((violation) => strict || violation.severity === 'must')
}
