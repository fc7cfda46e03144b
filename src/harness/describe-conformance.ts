/**
 * A vitest helper: one test per scenario for the user's own client, so a conformance failure shows up
 * in their test report like any other failing test, with the journal of the failing scenario.
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { MockServer } from '../mock/server.js'
import { resolveRevision } from '../model/revisions.js'
import { ruleInfo } from '../judge/rulebook.js'
import { moduleConformanceClient, type ConformanceClient } from '../judge/conformance-client.js'
import type { ScenarioReport } from './conformance-report.js'
import type { ClientFunction } from '../judge/module-client.js'
import { startConformanceServer } from '../judge/execute-call.js'
import { runScenario } from './run-conformance.js'
import { describeOutcome } from '../judge/call-run.js'
import { scenarioCatalog, selectScenarios } from './scenarios/catalog.js'

/** Options of {@link describeConformance}. */
export interface DescribeConformanceOptions {
  /** @defaultValue '2025-12' */
  readonly revision?: string
  /** Scenario ids, id prefixes or tags to keep. @defaultValue all */
  readonly only?: readonly string[]
  /** Scenario ids, id prefixes or tags to drop. @defaultValue none */
  readonly skip?: readonly string[]
  /** Per scenario. @defaultValue 10000 */
  readonly deadlineMs?: number
  /** For a client function: whether it polls (runs the polling scenarios). @defaultValue false */
  readonly polls?: boolean
  /** Fail the test on should checks too (check 10). @defaultValue false */
  readonly strict?: boolean
}

/**
 * Explains a failed scenario: each failed check, the outcome, and the request journal.
 * @param report The scenario's report.
 * @param strict Whether should checks count.
 * @returns The message, or undefined when nothing counted failed.
 */
export function explainScenarioFailure(report: ScenarioReport, strict = false): string | undefined {
  const failed = report.findings.filter(
    (finding) => !finding.passed && (strict || ruleInfo(finding.check).severity === 'must'),
  )
  if (failed.length === 0) return undefined
  const lines = [
    `Scenario ${report.id}: ${report.title}`,
    ...failed.map(
      (finding) =>
        `  rule ${ruleInfo(finding.check).number} (${finding.check}, ${ruleInfo(finding.check).severity}): ${finding.message}`,
    ),
    `  outcome: ${report.outcome === undefined ? 'none' : describeOutcome(report.outcome)}`,
    '  journal:',
    ...report.journal.map(
      (entry) =>
        `    #${entry.seq} ${entry.time} ${entry.method} ${entry.path} ${entry.headers['x-amz-target'] ?? '(no X-Amz-Target)'} -> ${entry.outcome}${entry.status === undefined ? '' : ` ${entry.status}`}${entry.errorName === undefined ? '' : ` ${entry.errorName}`} body=${entry.body.slice(0, 200)}`,
    ),
  ]
  return lines.join('\n')
}

/**
 * Declares a vitest `describe` block with one test per conformance scenario for a client.
 * @param name The client's name in test titles.
 * @param client A client function `(input, context) => Promise<{result} | {error}>`, or a {@link ConformanceClient}
 *   (e.g. `commandConformanceClient('python3 client.py')`, or with `{ protocol: 2 }`); it is closed after the block.
 * @param options Revision, selection, deadline, polling, strictness.
 * @example
 * import { describeConformance } from 'engagement-contract-kit/vitest'
 * import myClient from '../src/my-client.js'
 * describeConformance('my client', myClient)
 */
export function describeConformance(
  name: string,
  client: ClientFunction | ConformanceClient,
  options: DescribeConformanceOptions = {},
): void {
  const revision = resolveRevision(options.revision).id
  const subject =
    typeof client === 'function'
      ? moduleConformanceClient(name, client, { polls: options.polls ?? false })
      : client
  const deadlineMs = options.deadlineMs ?? 10_000
  const scenarios = selectScenarios(scenarioCatalog(revision), {
    ...(options.only === undefined ? {} : { only: options.only }),
    ...(options.skip === undefined ? {} : { skip: options.skip }),
  })
  const runId = `v${Math.random().toString(36).slice(2, 10)}`
  describe(`conformance of ${name} (revision ${revision})`, () => {
    let server: MockServer | undefined
    beforeAll(async () => {
      server = await startConformanceServer(revision)
    })
    afterAll(async () => {
      // A protocol v2 command's processes (or a module client's thread) end with the block.
      await subject.close?.()
      await server?.close()
    })
    for (const scenario of scenarios) {
      const needsPolling = scenario.requiresPolling === true && !subject.polls
      it.skipIf(needsPolling)(
        `${scenario.id}: ${scenario.title}`,
        { timeout: deadlineMs + 5_000 },
        async () => {
          if (server === undefined) throw new Error('The conformance simulator did not start.')
          const report = await runScenario(scenario, subject, server, {
            revision,
            deadlineMs,
            runId,
          })
          const message = explainScenarioFailure(report, options.strict === true)
          if (message !== undefined) throw new Error(message)
        },
      )
    }
  })
}
