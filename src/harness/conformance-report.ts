/**
 * The result of a conformance run as data: every scenario with its outcome, findings and journal, the
 * counts per check, and the verdict. Reporters render it; nothing else is needed to explain a failure.
 */
import type { JournalEntry } from '../mock/journal.js'
import type { ClientOutcome } from '../judge/client-outcome.js'
import type { CheckFinding } from './checks/check-finding.js'
import { CHECK_IDS, CHECKS, type CheckId, type Severity } from './checks/check-info.js'

/** One scenario in a report. */
export interface ScenarioReport {
  readonly id: string
  readonly title: string
  readonly tags: readonly string[]
  readonly why: string
  readonly input: unknown
  /** `skipped` when the scenario needs a client that polls. */
  readonly status: 'passed' | 'failed' | 'skipped'
  readonly skipReason?: string
  readonly outcome?: ClientOutcome
  readonly findings: readonly CheckFinding[]
  readonly journal: readonly JournalEntry[]
  readonly durationMs: number
  readonly stderr?: string
}

/** Counts of one check over the run. */
export interface CheckSummary {
  readonly id: CheckId
  readonly number: number
  readonly severity: Severity
  readonly title: string
  readonly passed: number
  readonly failed: number
}

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
  readonly checks: readonly CheckSummary[]
  readonly summary: {
    readonly scenarios: number
    readonly passed: number
    readonly failed: number
    readonly skipped: number
    /** Failed findings of must checks. */
    readonly mustFailures: number
    readonly shouldFailures: number
  }
  /** `pass` when no must check failed. */
  readonly verdict: 'pass' | 'fail'
}

/**
 * Whether a scenario failed: any of its findings failed (a failed should check counts here too; the
 * verdict of the run counts only must checks).
 * @param findings The scenario's findings.
 * @returns `passed` or `failed`.
 */
export function scenarioStatus(findings: readonly CheckFinding[]): 'passed' | 'failed' {
  return findings.every((finding) => finding.passed) ? 'passed' : 'failed'
}

/**
 * Counts findings per check and decides the verdict.
 * @param scenarios The scenario reports.
 * @returns The per-check counts, the summary and the verdict.
 */
export function summarize(
  scenarios: readonly ScenarioReport[],
): Pick<ConformanceReport, 'checks' | 'summary' | 'verdict'> {
  const checks = CHECK_IDS.map((id): CheckSummary => {
    const findings = scenarios.flatMap((scenario) =>
      scenario.findings.filter((finding) => finding.check === id),
    )
    return {
      id,
      number: CHECKS[id].number,
      severity: CHECKS[id].severity,
      title: CHECKS[id].title,
      passed: findings.filter((finding) => finding.passed).length,
      failed: findings.filter((finding) => !finding.passed).length,
    }
  })
  const failuresOf = (severity: Severity): number =>
    checks
      .filter((check) => check.severity === severity)
      .reduce((sum, check) => sum + check.failed, 0)
  const mustFailures = failuresOf('must')
  return {
    checks,
    summary: {
      scenarios: scenarios.length,
      passed: scenarios.filter((scenario) => scenario.status === 'passed').length,
      failed: scenarios.filter((scenario) => scenario.status === 'failed').length,
      skipped: scenarios.filter((scenario) => scenario.status === 'skipped').length,
      mustFailures,
      shouldFailures: failuresOf('should'),
    },
    verdict: mustFailures === 0 ? 'pass' : 'fail',
  }
}
