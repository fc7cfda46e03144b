/**
 * The GitHub Actions reporter: one workflow command per failed finding (`::error` for must checks,
 * `::warning` for should checks), which GitHub shows as annotations, and a closing `::notice`.
 */
import { ruleInfo } from '../../judge/rulebook.js'
import type { ConformanceReport } from '../conformance-report.js'
import { describeOutcome, describeVerdict } from './render-console.js'

// Other control characters (ANSI escapes among them) are shown as \uXXXX rather than passed to the log.
function visible(text: string): string {
  return text.replace(
    /(?![\n\r])[\p{Cc}\u2028\u2029]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

// The escaping of @actions/core's `issueCommand`: a command is one line, so the data can never start a
// command of its own.
function escapeData(text: string): string {
  return visible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Renders a conformance report as GitHub Actions workflow commands: `::error title=eck check rule N (<rule>)
 * <scenario>::<message>` per failed must finding, `::warning …` per failed should finding, each with the
 * client's outcome, and a final `::notice::` with the verdict line. Data is escaped as `@actions/core`
 * does (`%`, CR, LF; in properties also `:` and `,`).
 * @param report The report of {@link runConformance}.
 * @returns The commands, one per line, with a trailing newline.
 * @example
 * if (env.GITHUB_ACTIONS === 'true') process.stdout.write(renderGithub(report))
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export function renderGithub(report: ConformanceReport): string {
  const lines: string[] = []
  for (const scenario of report.scenarios) {
    for (const finding of scenario.findings) {
      if (finding.passed) continue
      const info = ruleInfo(finding.check)
      const command = info.severity === 'must' ? 'error' : 'warning'
      const title = `eck check rule ${info.number} (${finding.check}) ${scenario.id}`
      const message = `${finding.message}\noutcome: ${describeOutcome(scenario.outcome)}`
      lines.push(`::${command} title=${escapeProperty(title)}::${escapeData(message)}`)
    }
  }
  for (const warning of report.warnings)
    lines.push(`::warning title=eck check::${escapeData(warning)}`)
  lines.push(`::notice::${escapeData(describeVerdict(report))}`)
  return `${lines.join('\n')}\n`
}
