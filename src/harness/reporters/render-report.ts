/**
 * The reporters by name, for `eck check --reporter <name>` and for programmatic use.
 */
import type { ConformanceReport } from '../conformance-report.js'
import { renderConsole } from './render-console.js'
import { renderGithub } from './render-github.js'
import { renderHtml } from './render-html.js'
import { renderJson } from './render-json.js'
import { renderJunit } from './render-junit.js'
import { renderMarkdown } from './render-markdown.js'

/** The reporter names, in the order a help text lists them. */
export const REPORTERS = ['console', 'json', 'junit', 'markdown', 'github', 'html'] as const

/** The name of a reporter. */
export type ReporterName = (typeof REPORTERS)[number]

/**
 * Whether a value names a reporter, e.g. an unchecked `--reporter` argument.
 * @param value Anything.
 * @returns True when `value` is one of {@link REPORTERS}.
 */
export function isReporterName(value: unknown): value is ReporterName {
  return typeof value === 'string' && (REPORTERS as readonly string[]).includes(value)
}

/**
 * Renders a conformance report with the named reporter.
 * @param report The report of {@link runConformance}.
 * @param name The reporter.
 * @returns The rendered text (each reporter ends it with a newline).
 * @example
 * for (const name of ['console', 'junit'] as const) out(renderReport(report, name))
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */
export function renderReport(report: ConformanceReport, name: ReporterName): string {
  switch (name) {
    case 'console':
      return renderConsole(report)
    case 'json':
      return renderJson(report)
    case 'junit':
      return renderJunit(report)
    case 'markdown':
      return renderMarkdown(report)
    case 'github':
      return renderGithub(report)
    case 'html':
      return renderHtml(report)
  }
}
