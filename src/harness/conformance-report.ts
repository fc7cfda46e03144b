/**
 * The result of a conformance run as data: every scenario with its outcome, findings and journal, the
 * counts per rule, and the verdict. Reporters render it; nothing else is needed to explain a failure.
 */
import type { JournalEntry } from '../mock/journal.js'
import type { ClientOutcome } from '../judge/client-outcome.js'
import type { Finding, Severity } from '../judge/rule.js'
import { failsVerdict, RULE_IDS, RULES } from '../judge/rulebook.js'

/** A finding of one rule on one scenario (`check` is the rule id). */
export type CheckFinding = Finding

/** One scenario in a report. */
export interface ScenarioReport {
  readonly id: string
  readonly title: string
  readonly tags: readonly string[]
  readonly why: string
  readonly input: unknown
  /** The rules this scenario exercises (its columns). */
  readonly rules?: readonly string[]
  /** `skipped` when the scenario needs a client that polls. */
  readonly status: 'passed' | 'failed' | 'skipped'
  readonly skipReason?: string
  readonly outcome?: ClientOutcome
  /** Every rule that had something to say about the run, in report order. */
  readonly findings: readonly CheckFinding[]
  readonly journal: readonly JournalEntry[]
  readonly durationMs: number
  readonly stderr?: string
}

/** Counts of one rule over the run. */
export interface CheckSummary {
  /** The rule id. */
  readonly id: string
  readonly number: number
  readonly severity: Severity
  readonly title: string
  readonly passed: number
  readonly failed: number
}

/** The verdict of a run: `no-verdict` when nothing was judged. */
export type Verdict = 'pass' | 'fail' | 'no-verdict'

/** A whole run. */
export interface ConformanceReport {
  readonly tool: { readonly name: string; readonly version: string }
  readonly client: string
  readonly revision: string
  readonly startedAt: string
  readonly durationMs: number
  readonly deadlineMs: number
  /** How many scenarios were selected. */
  readonly selected: number
  /** False when the run was stopped before every selected scenario ran (the verdict is then `fail`). */
  readonly complete: boolean
  /** Set when the event loop lagged so much that timing-dependent results may be unreliable. */
  readonly warnings: readonly string[]
  readonly scenarios: readonly ScenarioReport[]
  /** Counts per rule, in report order. */
  readonly checks: readonly CheckSummary[]
  readonly summary: {
    readonly scenarios: number
    readonly passed: number
    readonly failed: number
    readonly skipped: number
    /** Failed findings of must rules. */
    readonly mustFailures: number
    readonly shouldFailures: number
  }
  /** `pass` when no must rule failed (no rule, with `strict`); `no-verdict` when nothing was judged. */
  readonly verdict: Verdict
}

/**
 * Whether a scenario failed: any of its findings failed (a failed should rule counts here too; the
 * verdict of the run counts only must rules unless strict).
 * @param findings The scenario's findings.
 * @returns `passed` or `failed`.
 */
export function scenarioStatus(findings: readonly CheckFinding[]): 'passed' | 'failed' {
  return findings.every((finding) => finding.passed) ? 'passed' : 'failed'
}

/**
 * Counts findings per rule and decides the verdict.
 * @param scenarios The scenario reports.
 * @param strict A failed should rule fails the verdict too.
 * @returns The per-rule counts, the summary and the verdict.
 */
export function summarize(
  scenarios: readonly ScenarioReport[],
  strict = false,
): Pick<ConformanceReport, 'checks' | 'summary' | 'verdict'> {
  const checks = RULE_IDS.map((id): CheckSummary => {
    const findings = scenarios.flatMap((scenario) =>
      scenario.findings.filter((finding) => finding.check === id),
    )
    const info = RULES[id]
    return {
      id,
      number: info?.number ?? 0,
      severity: info?.severity ?? 'must',
      title: info?.title ?? id,
      passed: findings.filter((finding) => finding.passed).length,
      failed: findings.filter((finding) => !finding.passed).length,
    }
  })
  const failuresOf = (severity: Severity): number =>
    checks
      .filter((check) => check.severity === severity)
      .reduce((sum, check) => sum + check.failed, 0)
  const judged = scenarios.filter((scenario) => scenario.status !== 'skipped')
  return {
    checks,
    summary: {
      scenarios: scenarios.length,
      passed: scenarios.filter((scenario) => scenario.status === 'passed').length,
      failed: scenarios.filter((scenario) => scenario.status === 'failed').length,
      skipped: scenarios.filter((scenario) => scenario.status === 'skipped').length,
      mustFailures: failuresOf('must'),
      shouldFailures: failuresOf('should'),
    },
    verdict:
      judged.length === 0
        ? 'no-verdict'
        : judged.some((scenario) => failsVerdict(scenario.findings, strict))
          ? 'fail'
          : 'pass',
  }
}
