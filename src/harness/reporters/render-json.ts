/**
 * The JSON reporter: the report as data, for tools and for archiving a run.
 */
import { stableJson } from '../../internal/stable-json.js'
import type { ConformanceReport } from '../conformance-report.js'

/**
 * Renders a conformance report as stable JSON: object keys sorted, arrays in report order, 2-space
 * indent and a trailing newline, so that two runs diff cleanly. `JSON.parse` gives the report back.
 * @param report The report of {@link runConformance}.
 * @returns The JSON text.
 * @example
 * await writeFile('eck-report.json', renderJson(report))
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */
export function renderJson(report: ConformanceReport): string {
  return stableJson(report)
}
