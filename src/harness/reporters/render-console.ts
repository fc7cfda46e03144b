/**
 * The console reporter: a plain-text matrix of scenarios × checks, the counts per check, what went wrong
 * in each failed scenario (messages, outcome, request journal) and a verdict line. No colours: CI logs
 * run with NO_COLOR, and ✓ ✗ · carry the meaning on their own. Also the plain-text forms of an outcome,
 * a journal entry and the verdict that the other reporters reuse.
 */
import { describeJournalEntry } from '../../judge/call-run.js'

export { describeJournalEntry } from '../../judge/call-run.js'
import type { ClientOutcome } from '../../judge/client-outcome.js'
import { RULE_IDS, ruleInfo } from '../../judge/rulebook.js'
import type { ConformanceReport, ScenarioReport } from '../conformance-report.js'
import { previewValue } from '../../internal/preview-value.js'

const ID_WIDTH_MAX = 48
// Check titles are cut to keep the counts within this width.
const LINE_WIDTH = 100

/**
 * Describes what a client ended a scenario with, on one line of plain text (not escaped for any format).
 * @param outcome The outcome; undefined for a scenario that did not run.
 * @returns E.g. `error ThrottlingException: Rate exceeded` or `result {"TaskStatus":"IN_PROGRESS",…}`.
 */
export function describeOutcome(outcome: ClientOutcome | undefined): string {
  if (outcome === undefined) return 'none (not run)'
  switch (outcome.kind) {
    case 'result': {
      // The members the checks read first, then the rest.
      const { TaskStatus, TaskId, ReasonCode, ...rest } = outcome.result
      const lead = Object.entries({ TaskStatus, TaskId, ReasonCode })
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join(' ')
      const more = Object.keys(rest).length === 0 ? '' : ` ${previewValue(rest, 200)}`
      return `result ${lead === '' ? '(no TaskStatus, TaskId or ReasonCode)' : lead}${more}`
    }
    case 'error':
      return outcome.message === ''
        ? `error ${outcome.name}`
        : `error ${outcome.name}: ${outcome.message}`
    case 'crash':
      return `crash: ${outcome.reason}`
    case 'hang':
      return `hang: ${outcome.reason}`
  }
}

/**
 * The verdict of a run as one line.
 * @param report The report.
 * @returns E.g. `eck check: PASS — 84 passed, 0 failed, 2 skipped (must failures 0, should failures 0) in 3.3 s`.
 */
export function describeVerdict(report: ConformanceReport): string {
  const { summary } = report
  const label = report.complete
    ? report.verdict === 'no-verdict'
      ? 'NO VERDICT'
      : report.verdict.toUpperCase()
    : `STOPPED (${report.scenarios.length} of ${report.selected} scenarios ran; no verdict)`
  return (
    `eck check: ${label} — ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped ` +
    `(must failures ${summary.mustFailures}, should failures ${summary.shouldFailures}) in ${(report.durationMs / 1000).toFixed(1)} s`
  )
}

/**
 * Client output reaches the terminal here: control characters (ANSI escapes, carriage returns, bidi
 * overrides) are shown as \uXXXX so that a hostile client cannot rewrite the log.
 * @param text Any text.
 * @returns The text safe to print.
 */
export function visible(text: string): string {
  return text.replace(
    /(?!\n)[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu,
    (char) => (char === '\t' ? '  ' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  )
}

function indented(text: string, indent: string): string {
  return visible(text.replace(/\r\n/g, '\n'))
    .split('\n')
    .map((line, index) => (index === 0 ? line : `${indent}${line}`))
    .join('\n')
}

function cut(text: string, width: number): string {
  const chars = Array.from(text)
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`
}

function cell(scenario: ScenarioReport, check: string): string {
  const findings = scenario.findings.filter((finding) => finding.check === check)
  if (findings.length === 0) return '·'
  return findings.every((finding) => finding.passed) ? '✓' : '✗'
}

function renderMatrix(report: ConformanceReport): string[] {
  const idWidth = Math.min(
    ID_WIDTH_MAX,
    Math.max(
      'scenario'.length,
      ...report.scenarios.map((scenario) => Array.from(visible(scenario.id)).length),
    ),
  )
  const header = `${'scenario'.padEnd(idWidth)} ${RULE_IDS.map((id) => String(ruleInfo(id).number).padStart(2)).join(' ')}`
  const rows = report.scenarios.map((scenario) => {
    const id = cut(visible(scenario.id), idWidth).padEnd(idWidth)
    if (scenario.status === 'skipped')
      return `${id}  skip${scenario.skipReason === undefined ? '' : `: ${visible(scenario.skipReason)}`}`
    return `${id} ${RULE_IDS.map((check) => cell(scenario, check).padStart(2)).join(' ')}`
  })
  return [header, ...rows]
}

function renderCounts(report: ConformanceReport): string[] {
  const width = Math.max(
    1,
    ...report.checks.map((check) => String(Math.max(check.passed, check.failed)).length),
  )
  return [...report.checks]
    .sort((a, b) => a.number - b.number)
    .map((check) => {
      const counts = `${String(check.passed).padStart(width)} passed ${String(check.failed).padStart(width)} failed`
      const prefix = `${String(check.number).padStart(2)} ${check.severity.padEnd(6)} ${counts}  ${check.id}: `
      return `${prefix}${cut(visible(check.title), Math.max(24, LINE_WIDTH - prefix.length))}`
    })
}

function renderFailure(scenario: ScenarioReport): string[] {
  const lines = [`✗ ${visible(scenario.id)} — ${indented(scenario.title, '  ')}`]
  for (const finding of scenario.findings) {
    if (finding.passed) continue
    const info = ruleInfo(finding.check)
    lines.push(
      `  rule ${info.number} ${finding.check} (${info.severity}): ${indented(finding.message, '    ')}`,
    )
  }
  lines.push(`  outcome: ${indented(describeOutcome(scenario.outcome), '    ')}`)
  if (scenario.stderr !== undefined && scenario.stderr.trim() !== '') {
    lines.push('  stderr:')
    for (const line of scenario.stderr.replace(/\s+$/, '').split(/\r?\n/))
      lines.push(`    | ${visible(line)}`)
  }
  const count = scenario.journal.length
  lines.push(
    `  journal (${count} ${count === 1 ? 'request' : 'requests'})${count === 0 ? ': nothing was sent' : ':'}`,
  )
  for (const entry of scenario.journal)
    lines.push(`    ${indented(describeJournalEntry(entry), '      ')}`)
  return lines
}

/**
 * Renders a conformance report for people reading a terminal or a CI log.
 * @param report The report of {@link runConformance}.
 * @returns The text, ending with the verdict line and a newline.
 * @example
 * process.stdout.write(renderConsole(await runConformance(client)))
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */
export function renderConsole(report: ConformanceReport): string {
  const failed = report.scenarios.filter((scenario) => scenario.status === 'failed')
  const lines = [
    `eck check — client ${visible(report.client)}, revision ${visible(report.revision)}, started ${visible(report.startedAt)}, deadline ${report.deadlineMs} ms`,
    '',
    ...renderMatrix(report),
    '',
    '✓ passed  ✗ failed  · not fed by the scenario',
    '',
    'checks',
    ...renderCounts(report),
  ]
  if (failed.length > 0) {
    lines.push('', `failed scenarios (${failed.length})`)
    for (const scenario of failed) lines.push('', ...renderFailure(scenario))
  }
  for (const warning of report.warnings) lines.push('', `warning: ${warning}`)
  lines.push('', describeVerdict(report))
  return `${lines.join('\n')}\n`
}
