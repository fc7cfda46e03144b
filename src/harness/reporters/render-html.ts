/**
 * The HTML reporter: one self-contained page (inline CSS, no scripts, no external resources) with the
 * verdict, the scenario × check matrix, the counts per check, the failed scenarios and then every
 * scenario with its findings, outcome, input and request journal.
 */
import type { JournalEntry } from '../../mock/journal.js'
import { previewValue } from '../../internal/preview-value.js'
import { RULE_IDS, ruleInfo } from '../../judge/rulebook.js'
import type { CheckFinding } from '../conformance-report.js'
import type { ConformanceReport, ScenarioReport } from '../conformance-report.js'
import { describeOutcome, describeVerdict } from './render-console.js'

// Controls, lone surrogates and noncharacters are not allowed in HTML text: they are shown as \uXXXX.
const NOT_HTML = /(?![\t\n\r])[\p{Cc}\ud800-\udfff\ufffe\uffff]/gu

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem; color: #1f2328; background: #fff; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin: 2rem 0 .5rem; font-size: 1.25rem; border-bottom: 1px solid #d0d7de; }
h3 { margin: 1.25rem 0 .25rem; font-size: 1.05rem; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; border: 1px solid #d0d7de; padding: .5rem; margin: .25rem 0; }
table { border-collapse: collapse; margin: .25rem 0; }
th, td { border: 1px solid #d0d7de; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; }
.matrix td.cell { text-align: center; min-width: 1.6em; }
.pass { background: #dafbe1; color: #116329; }
.fail { background: #ffcecb; color: #82071e; font-weight: 600; }
.warn { background: #fff1c2; color: #7d4e00; font-weight: 600; }
.none { color: #8c959f; }
.skip { background: #eaeef2; color: #57606a; }
.verdict-pass { color: #1a7f37; }
.verdict-fail { color: #cf222e; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0 1rem; margin: .5rem 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
ul.findings { padding-left: 1.2rem; margin: .25rem 0; }
ul.findings li { margin: .15rem 0; padding: 0 .25rem; white-space: pre-line; }
article { border-left: 4px solid #d0d7de; padding-left: .75rem; margin: 1rem 0; }
article.failed { border-left-color: #cf222e; }
details { margin: .25rem 0; }
summary { cursor: pointer; }
.legend span { padding: 0 .4rem; margin-right: .5rem; }
`

function escapeHtml(text: string): string {
  return text
    .replace(NOT_HTML, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

type Cell = 'pass' | 'fail' | 'warn' | 'none'

function cellOf(findings: readonly CheckFinding[], check: string): Cell {
  const mine = findings.filter((finding) => finding.check === check)
  if (mine.length === 0) return 'none'
  if (mine.every((finding) => finding.passed)) return 'pass'
  return ruleInfo(check).severity === 'must' ? 'fail' : 'warn'
}

const MARK: Readonly<Record<Cell, string>> = { pass: '✓', fail: '✗', warn: '✗', none: '·' }

function findingClass(finding: CheckFinding): Cell {
  if (finding.passed) return 'pass'
  return ruleInfo(finding.check).severity === 'must' ? 'fail' : 'warn'
}

function inputText(input: unknown): string {
  try {
    // JSON.stringify gives undefined (not a string) for these.
    if (input === undefined || typeof input === 'function' || typeof input === 'symbol')
      return previewValue(input)
    return JSON.stringify(input, null, 2)
  } catch {
    return previewValue(input, 4000)
  }
}

function anchor(index: number): string {
  return `s-${index}`
}

function renderMatrix(report: ConformanceReport): string {
  const head = `<tr><th>scenario</th>${RULE_IDS.map((id) => `<th title="${escapeHtml(`${id}: ${ruleInfo(id).title}`)}">${ruleInfo(id).number}</th>`).join('')}</tr>`
  const rows = report.scenarios.map((scenario, index) => {
    const name = `<td class="mono"><a href="#${anchor(index)}">${escapeHtml(scenario.id)}</a></td>`
    if (scenario.status === 'skipped') {
      return `<tr>${name}<td class="skip" colspan="${RULE_IDS.length}">skip${scenario.skipReason === undefined ? '' : `: ${escapeHtml(scenario.skipReason)}`}</td></tr>`
    }
    const cells = RULE_IDS.map((check) => {
      const cell = cellOf(scenario.findings, check)
      const messages = scenario.findings
        .filter((finding) => finding.check === check)
        .map((finding) => finding.message)
      const title =
        messages.length === 0
          ? `rule ${ruleInfo(check).number} is not fed by this scenario`
          : messages.join('\n')
      return `<td class="cell ${cell}" title="${escapeHtml(title)}">${MARK[cell]}</td>`
    })
    return `<tr>${name}${cells.join('')}</tr>`
  })
  return [
    '<table class="matrix">',
    head,
    ...rows,
    '</table>',
    '<p class="legend"><span class="pass">✓ passed</span><span class="fail">✗ must failed</span><span class="warn">✗ should failed</span><span class="none">· not fed</span><span class="skip">skip</span></p>',
  ].join('\n')
}

function renderChecks(report: ConformanceReport): string {
  const rows = [...report.checks]
    .sort((a, b) => a.number - b.number)
    .map((check) => {
      const failedClass = check.failed === 0 ? '' : check.severity === 'must' ? ' fail' : ' warn'
      return (
        `<tr><td class="num">${check.number}</td><td>${escapeHtml(check.severity)}</td><td class="mono">${escapeHtml(check.id)}</td>` +
        `<td>${escapeHtml(check.title)}</td><td class="num">${check.passed}</td><td class="num${failedClass}">${check.failed}</td></tr>`
      )
    })
  return [
    '<table>',
    '<tr><th>#</th><th>severity</th><th>check</th><th>what it asks</th><th>passed</th><th>failed</th></tr>',
    ...rows,
    '</table>',
  ].join('\n')
}

function renderEntry(entry: JournalEntry): string {
  const headers = Object.entries(entry.headers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
  const cells = [
    String(entry.seq),
    entry.time,
    entry.method,
    entry.path,
    entry.headers['x-amz-target'] ?? '',
    entry.status === undefined ? '' : String(entry.status),
    entry.errorName ?? '',
    entry.step ?? '',
    entry.outcome,
  ]
  return [
    `<tr>${cells.map((cell) => `<td class="mono">${escapeHtml(cell)}</td>`).join('')}</tr>`,
    `<tr><td></td><td colspan="${cells.length - 1}"><details><summary>headers and body</summary><pre>${escapeHtml(headers)}\n\n${escapeHtml(entry.body)}</pre></details></td></tr>`,
  ].join('\n')
}

function renderJournal(scenario: ScenarioReport, open: boolean): string {
  const count = scenario.journal.length
  const summary = `<summary>Journal (${count} ${count === 1 ? 'request' : 'requests'})</summary>`
  if (count === 0)
    return `<details${open ? ' open' : ''}>${summary}<p>Nothing was sent.</p></details>`
  return [
    `<details${open ? ' open' : ''}>${summary}`,
    '<table>',
    '<tr><th>seq</th><th>time</th><th>method</th><th>path</th><th>x-amz-target</th><th>status</th><th>error</th><th>step</th><th>outcome</th></tr>',
    ...scenario.journal.map(renderEntry),
    '</table>',
    '</details>',
  ].join('\n')
}

function renderFindings(findings: readonly CheckFinding[], onlyFailed: boolean): string {
  const shown = findings.filter((finding) => !onlyFailed || !finding.passed)
  if (shown.length === 0) return ''
  const items = shown.map((finding) => {
    const info = ruleInfo(finding.check)
    const cell = findingClass(finding)
    return `<li class="${cell}">${MARK[cell]} rule ${info.number} <code>${escapeHtml(finding.check)}</code> (${info.severity}): ${escapeHtml(finding.message)}</li>`
  })
  return ['<ul class="findings">', ...items, '</ul>'].join('\n')
}

function renderDetails(scenario: ScenarioReport, forFailure: boolean): string {
  const parts = [
    `<p>${escapeHtml(scenario.why)}</p>`,
    `<p>Tags: ${scenario.tags.map((tag) => `<code>${escapeHtml(tag)}</code>`).join(' ')}</p>`,
  ]
  if (scenario.status === 'skipped') {
    parts.push(
      `<p class="skip">Skipped${scenario.skipReason === undefined ? '' : `: ${escapeHtml(scenario.skipReason)}`}</p>`,
    )
  } else {
    parts.push(renderFindings(scenario.findings, forFailure))
    parts.push(
      `<p><strong>Outcome:</strong> <code>${escapeHtml(describeOutcome(scenario.outcome))}</code> after ${scenario.durationMs} ms</p>`,
    )
  }
  if (scenario.stderr !== undefined && scenario.stderr.trim() !== '') {
    parts.push(
      `<details${forFailure ? ' open' : ''}><summary>stderr</summary><pre>${escapeHtml(scenario.stderr)}</pre></details>`,
    )
  }
  parts.push(
    `<details><summary>Input</summary><pre>${escapeHtml(inputText(scenario.input))}</pre></details>`,
  )
  if (scenario.status !== 'skipped') parts.push(renderJournal(scenario, forFailure))
  return parts.filter((part) => part !== '').join('\n')
}

function renderFailed(report: ConformanceReport): string {
  const failed = report.scenarios
    .map((scenario, index) => ({ scenario, index }))
    .filter(({ scenario }) => scenario.status === 'failed')
  if (failed.length === 0) return '<h2>Failed scenarios</h2>\n<p>No scenario failed.</p>'
  return [
    `<h2>Failed scenarios (${failed.length})</h2>`,
    ...failed.map(({ scenario, index }) =>
      [
        `<article class="failed">`,
        `<h3><a href="#${anchor(index)}" class="mono">${escapeHtml(scenario.id)}</a> — ${escapeHtml(scenario.title)}</h3>`,
        renderDetails(scenario, true),
        '</article>',
      ].join('\n'),
    ),
  ].join('\n')
}

function renderAll(report: ConformanceReport): string {
  return [
    `<h2>All scenarios (${report.scenarios.length})</h2>`,
    ...report.scenarios.map((scenario, index) => {
      const cell: Cell =
        scenario.status === 'passed' ? 'pass' : scenario.status === 'skipped' ? 'none' : 'fail'
      const mark = scenario.status === 'skipped' ? 'skip' : MARK[cell]
      return [
        `<details id="${anchor(index)}">`,
        `<summary><span class="${scenario.status === 'skipped' ? 'skip' : cell}">${mark}</span> <code>${escapeHtml(scenario.id)}</code> — ${escapeHtml(scenario.title)} (${scenario.status})</summary>`,
        renderDetails(scenario, false),
        '</details>',
      ].join('\n')
    }),
  ].join('\n')
}

/**
 * Renders a conformance report as one self-contained HTML page for people: the verdict and run details,
 * the scenario × check matrix with coloured cells, the counts per check, the failed scenarios with their
 * messages, outcome and journal, then every scenario. All text is HTML-escaped; the page loads nothing
 * and runs no script (its Content-Security-Policy forbids both).
 * @param report The report of {@link runConformance}.
 * @returns The HTML document, with a trailing newline.
 * @example
 * await writeFile('eck-report.html', renderHtml(report))
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */
export function renderHtml(report: ConformanceReport): string {
  const verdict =
    report.verdict === 'pass' ? 'PASS' : report.verdict === 'no-verdict' ? 'NO VERDICT' : 'FAIL'
  const meta: readonly (readonly [string, string])[] = [
    ['client', report.client],
    ['revision', report.revision],
    ['started', report.startedAt],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
    ['deadline per scenario', `${report.deadlineMs} ms`],
    ['tool', `${report.tool.name} ${report.tool.version}`],
  ]
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>eck check: ${verdict} — ${escapeHtml(report.client)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1 class="verdict-${report.verdict}">eck check: ${verdict}</h1>`,
    `<p>${escapeHtml(describeVerdict(report))}</p>`,
    ...report.warnings.map((warning) => `<p><strong>Warning:</strong> ${escapeHtml(warning)}</p>`),
    `<dl class="meta">${meta.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`,
    '</header>',
    '<main>',
    '<h2>Scenarios × rules</h2>',
    renderMatrix(report),
    '<h2>Rules</h2>',
    renderChecks(report),
    renderFailed(report),
    renderAll(report),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
