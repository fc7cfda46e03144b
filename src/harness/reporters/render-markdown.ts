/**
 * The Markdown reporter: a GitHub-flavoured summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`
 * with the verdict, the counts per check, the failed findings and each failed scenario's journal.
 */
import { ruleInfo } from '../../judge/rulebook.js'
import type { ConformanceReport, ScenarioReport } from '../conformance-report.js'
import { describeJournalEntry, describeOutcome, describeVerdict } from './render-console.js'

function visible(text: string): string {
  return text.replace(
    /(?![\t\n\r])[\p{Cc}\u2028\u2029]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

function escapeHtml(text: string): string {
  return visible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

// Inline text from clients must neither end a table cell (`|`, a newline) nor start markup: Markdown's
// inline punctuation gets a backslash (backslashes too, so that a `\|` in the data cannot pair with the
// added one) and then HTML is escaped as entities.
function escapeInline(text: string): string {
  return visible(text)
    .replace(/[\\`*_[\]~|]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>')
}

function codeBlock(lines: readonly string[]): string {
  const body = visible(lines.join('\n').replace(/\r\n?/g, '\n'))
  // A fence longer than any backtick run in the text, so that the text cannot close it.
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (match) => match[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}text\n${body}\n${fence}`
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

function renderChecks(report: ConformanceReport): string[] {
  return [
    row(['#', 'severity', 'check', 'passed', 'failed']),
    row(['--:', ':--', ':--', '--:', '--:']),
    ...[...report.checks]
      .sort((a, b) => a.number - b.number)
      .map((check) =>
        row([
          String(check.number),
          check.severity,
          `${escapeInline(check.id)}: ${escapeInline(check.title)}`,
          String(check.passed),
          check.failed === 0 ? '0' : `**${check.failed}**`,
        ]),
      ),
  ]
}

function renderFailures(failed: readonly ScenarioReport[]): string[] {
  const rows = failed.flatMap((scenario) =>
    scenario.findings
      .filter((finding) => !finding.passed)
      .map((finding) => {
        const info = ruleInfo(finding.check)
        return row([
          escapeInline(scenario.id),
          `${info.number} ${escapeInline(finding.check)}`,
          info.severity,
          escapeInline(finding.message),
          escapeInline(describeOutcome(scenario.outcome)),
        ])
      }),
  )
  return [
    row(['scenario', 'check', 'severity', 'what happened', 'outcome']),
    row([':--', ':--', ':--', ':--', ':--']),
    ...rows,
  ]
}

function renderJournal(scenario: ScenarioReport): string[] {
  const count = scenario.journal.length
  const lines = [
    `<details><summary>Journal of <code>${escapeHtml(scenario.id)}</code> (${count} ${count === 1 ? 'request' : 'requests'})</summary>`,
    '',
    codeBlock(count === 0 ? ['nothing was sent'] : scenario.journal.map(describeJournalEntry)),
  ]
  if (scenario.stderr !== undefined && scenario.stderr.trim() !== '')
    lines.push('', 'stderr:', '', codeBlock([scenario.stderr.replace(/\s+$/, '')]))
  lines.push('', '</details>')
  return lines
}

/**
 * Renders a conformance report as GitHub-flavoured Markdown: the verdict, a table of the checks, a table
 * of failed findings and a `<details>` block with the journal of each failed scenario. Text from the
 * client is escaped, so it can neither break a table nor add markup.
 * @param report The report of {@link runConformance}.
 * @returns The Markdown, with a trailing newline.
 * @example
 * await appendFile(env.GITHUB_STEP_SUMMARY, renderMarkdown(report))
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */
export function renderMarkdown(report: ConformanceReport): string {
  const failed = report.scenarios.filter((scenario) => scenario.status === 'failed')
  const skipped = report.scenarios.filter((scenario) => scenario.status === 'skipped')
  const lines = [
    `### ${report.verdict === 'pass' ? '✅' : '❌'} ${escapeInline(describeVerdict(report))}`,
    ...report.warnings.map((warning) => `\n> **Warning:** ${escapeInline(warning)}`),
    '',
    `Client ${escapeInline(report.client)} · revision ${escapeInline(report.revision)} · started ${escapeInline(report.startedAt)} · ` +
      `deadline ${report.deadlineMs} ms · ${escapeInline(report.tool.name)} ${escapeInline(report.tool.version)}`,
    '',
    ...renderChecks(report),
    '',
  ]
  if (failed.length === 0) lines.push('No scenario failed.', '')
  else {
    lines.push(`#### Failed scenarios (${failed.length})`, '', ...renderFailures(failed), '')
    for (const scenario of failed) lines.push(...renderJournal(scenario), '')
  }
  if (skipped.length > 0) {
    lines.push(`#### Skipped scenarios (${skipped.length})`, '')
    for (const scenario of skipped)
      lines.push(
        `- ${escapeInline(scenario.id)}${scenario.skipReason === undefined ? '' : `: ${escapeInline(scenario.skipReason)}`}`,
      )
    lines.push('')
  }
  return lines.join('\n')
}
