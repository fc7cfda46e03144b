/**
 * The rulebook: every rule, in report order, and the one function that judges a call with all of
 * them. `eck check` and `eck fuzz` both judge with it; neither keeps a rule of its own.
 */
import { invariant } from '../internal/invariant.js'
import type { Step } from '../mock/behaviour-script.js'
import { callFacts } from './call-facts.js'
import type { CallRun } from './call-run.js'
import type { Finding, Rule, ScenarioShape, Severity } from './rule.js'
import { ANSWERS_RULE, PATIENCE_RULE, REPORTS_RULE, SENDS_RULE } from './rules/call-rules.js'
import { ERROR_NAME_RULE, INVALID_INPUT_RULE, PROTOCOL_GAP_RULE } from './rules/error-rules.js'
import {
  POLLS_RULE,
  RESULT_FROM_ANSWER_RULE,
  RESULT_HAS_TASK_RULE,
  SUCCESS_REPORTED_RULE,
} from './rules/result-rules.js'
import {
  BACKOFF_RULE,
  BOUNDED_RULE,
  ONE_TASK_RULE,
  RETRIES_TIMEOUT_RULE,
  RETRIES_TRANSIENT_RULE,
  RETRY_AFTER_RULE,
  SAME_REQUEST_RULE,
  STOPS_ON_FINAL_RULE,
} from './rules/retry-rules.js'
import { CORRECTS_CLOCK_RULE } from './rules/clock-rule.js'
import { WIRE_RULE } from './rules/wire-rule.js'

/** Every rule, in report order: the musts, then the shoulds. */
export const RULEBOOK: readonly Rule[] = [
  WIRE_RULE,
  REPORTS_RULE,
  ANSWERS_RULE,
  SENDS_RULE,
  SUCCESS_REPORTED_RULE,
  RESULT_HAS_TASK_RULE,
  RESULT_FROM_ANSWER_RULE,
  POLLS_RULE,
  ERROR_NAME_RULE,
  STOPS_ON_FINAL_RULE,
  RETRIES_TRANSIENT_RULE,
  SAME_REQUEST_RULE,
  BOUNDED_RULE,
  ONE_TASK_RULE,
  INVALID_INPUT_RULE,
  PROTOCOL_GAP_RULE,
  RETRIES_TIMEOUT_RULE,
  BACKOFF_RULE,
  RETRY_AFTER_RULE,
  PATIENCE_RULE,
  CORRECTS_CLOCK_RULE,
]

/** A rule as reports show it. */
export interface RuleInfo {
  readonly id: string
  /** 1, 2, … in report order. */
  readonly number: number
  readonly severity: Severity
  readonly title: string
}

/** Every rule's id, number, severity and statement, by id. */
export const RULES: Readonly<Record<string, RuleInfo>> = Object.fromEntries(
  RULEBOOK.map((rule, index) => [
    rule.id,
    { id: rule.id, number: index + 1, severity: rule.severity, title: rule.title },
  ]),
)

/** Every rule id, in report order. */
export const RULE_IDS: readonly string[] = RULEBOOK.map((rule) => rule.id)

/** Rules every scenario feeds (the call's frame); a scenario must feed at least one other. */
const FRAME_RULES = new Set([
  'wire',
  'reports',
  'answers',
  'sends',
  'same-request',
  'bounded',
  'one-task',
])

/**
 * Judges a call with every rule.
 * @param run What happened.
 * @returns One finding per rule that has something to say, in report order.
 */
export function judgeRun(run: CallRun): Finding[] {
  const facts = callFacts(run)
  const findings: Finding[] = []
  for (const rule of RULEBOOK) {
    const finding = rule.judge(run, facts)
    if (finding !== undefined) findings.push(finding)
  }
  return findings
}

/**
 * The rules a scenario of this shape exercises, derived from what it expects and what the server does.
 * @param shape The expectation and the scripted steps.
 * @returns Rule ids in report order, the frame rules included.
 */
export function rulesFedBy(shape: ScenarioShape): string[] {
  return RULEBOOK.filter((rule) => rule.feeds(shape)).map((rule) => rule.id)
}

/**
 * The rules a scenario exercises, failing loudly when it exercises none beyond the frame every call has
 * (a scenario wired to nothing would pass whatever the client does).
 * @param id The scenario id, for the message.
 * @param shape Its expectation and steps.
 * @returns Rule ids in report order.
 * @throws ToolkitError naming the scenario.
 */
export function assertFeedsRules(id: string, shape: ScenarioShape): string[] {
  const fed = rulesFedBy(shape)
  invariant(
    fed.some((rule) => !FRAME_RULES.has(rule)),
    `Scenario ${JSON.stringify(id)} feeds no rule beyond the frame of every call (${[...FRAME_RULES].join(', ')}): give it an expectation and a script that some rule judges.`,
  )
  return fed
}

/**
 * Every Start step of a script, for {@link rulesFedBy}.
 * @param steps The first attempts' steps.
 * @param then The persistent tail.
 * @returns The steps.
 */
export function shapeSteps(steps: readonly Step[] = [], then?: Step): Step[] {
  return then === undefined ? [...steps] : [...steps, then]
}

/**
 * Whether a list of findings fails: a failed `must`, or with `strict` any failed rule.
 * @param findings Findings.
 * @param strict Count `should` failures too.
 * @returns True when the verdict is fail.
 */
export function failsVerdict(findings: readonly Finding[], strict = false): boolean {
  return findings.some(
    (finding) => !finding.passed && (strict || RULES[finding.check]?.severity === 'must'),
  )
}

/**
 * A rule's id, number, severity and statement.
 * @param id A rule id.
 * @returns Its info (an unknown id reads as a must rule of its own name, number 0).
 */
export function ruleInfo(id: string): RuleInfo {
  return RULES[id] ?? { id, number: 0, severity: 'must', title: id }
}
