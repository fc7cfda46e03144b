/**
 * The JUnit reporter: one `<testcase>` per scenario × check finding, for CI test views (GitHub, GitLab,
 * Jenkins, Azure). A failed should check is a `<failure>` too, marked `[should]`; the run's verdict still
 * counts only must checks.
 */
import { ruleInfo } from '../../judge/rulebook.js'
import type { ConformanceReport, ScenarioReport } from '../conformance-report.js'
import { escapeAttribute, escapeText } from '../../internal/escape-xml.js'
import { describeJournalEntry, describeOutcome, describeVerdict } from './render-console.js'

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3)
}

function attributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('')
}

function failureBody(scenario: ScenarioReport, message: string): string {
  const lines = [
    message,
    '',
    `scenario: ${scenario.id} — ${scenario.title}`,
    `outcome: ${describeOutcome(scenario.outcome)}`,
    '',
  ]
  if (scenario.journal.length === 0) lines.push('journal: nothing was sent')
  else
    lines.push(
      `journal (${scenario.journal.length}):`,
      ...scenario.journal.map(describeJournalEntry),
    )
  return lines.join('\n')
}

function renderScenario(scenario: ScenarioReport): string[] {
  const time = seconds(scenario.durationMs)
  if (scenario.status === 'skipped') {
    const reason = scenario.skipReason ?? 'skipped'
    return [
      `    <testcase${attributes({ classname: scenario.id, name: 'skipped', time })}>`,
      `      <skipped${attributes({ message: reason })}/>`,
      '    </testcase>',
    ]
  }
  const lines: string[] = []
  for (const finding of scenario.findings) {
    const info = ruleInfo(finding.check)
    const open = `    <testcase${attributes({ classname: scenario.id, name: `rule ${info.number} ${finding.check}`, time })}`
    if (finding.passed) {
      lines.push(`${open}/>`)
      continue
    }
    const message = `[${info.severity}] rule ${info.number} ${finding.check}: ${finding.message}`
    lines.push(
      `${open}>`,
      `      <failure${attributes({ message, type: info.severity })}>${escapeText(failureBody(scenario, message))}</failure>`,
    )
    if (scenario.stderr !== undefined && scenario.stderr !== '')
      lines.push(`      <system-err>${escapeText(scenario.stderr)}</system-err>`)
    lines.push('    </testcase>')
  }
  return lines
}

/**
 * Renders a conformance report as JUnit XML: a `<testsuites>` root holding one `<testsuite>` with one
 * `<testcase>` per finding (`classname` the scenario id, `name` `rule N <rule id>`), a `<failure>`
 * with the message, outcome and journal for each failed finding, and a `<skipped/>` test case for each
 * skipped scenario. Characters XML 1.0 forbids are written as visible `\uXXXX` text.
 * @param report The report of {@link runConformance}.
 * @returns The XML document, with a trailing newline.
 * @example
 * await writeFile('eck-junit.xml', renderJunit(report))
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */
export function renderJunit(report: ConformanceReport): string {
  const cases = report.scenarios.flatMap(renderScenario)
  const tests = report.scenarios.reduce(
    (sum, scenario) => sum + (scenario.status === 'skipped' ? 1 : scenario.findings.length),
    0,
  )
  const failures = report.scenarios.reduce(
    (sum, scenario) => sum + scenario.findings.filter((finding) => !finding.passed).length,
    0,
  )
  const counts = {
    tests,
    failures,
    errors: 0,
    skipped: report.summary.skipped,
    time: seconds(report.durationMs),
  }
  const name = `eck check ${report.client}`
  const properties = {
    client: report.client,
    revision: report.revision,
    tool: `${report.tool.name} ${report.tool.version}`,
    deadlineMs: report.deadlineMs,
    verdict: describeVerdict(report),
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name, ...counts })}>`,
    // JUnit's timestamp is an ISO 8601 date-time without a zone; startedAt is UTC.
    `  <testsuite${attributes({ name, ...counts, timestamp: report.startedAt.replace(/(\.\d+)?Z$/, '') })}>`,
    '    <properties>',
    ...Object.entries(properties).map(
      ([key, value]) => `      <property${attributes({ name: key, value })}/>`,
    ),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}
