/**
 * Runs a client against every selected scenario on a loopback simulator (one scenario URL each, so
 * scenarios run in parallel without seeing each other's state) and returns the report.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { MockServer } from '../mock/server.js'
import { resolveRevision } from '../model/revisions.js'
import { UsageError } from '../internal/toolkit-error.js'
import {
  executeCall,
  startConformanceServer,
  type ExecuteCallOptions,
} from '../judge/execute-call.js'
import { judgeRun } from '../judge/rulebook.js'
import type { ConformanceClient } from '../judge/conformance-client.js'
import {
  scenarioStatus,
  summarize,
  type ConformanceReport,
  type ScenarioReport,
} from './conformance-report.js'
import type { Scenario } from './scenario.js'
import { scenarioCatalog, selectScenarios } from './scenarios/catalog.js'

/** An event-loop stall longer than this makes the report warn that timings may be unreliable. */
const LAG_WARNING_MS = 500

/** Progress of a run, one event per finished scenario. */
export interface ConformanceProgress {
  readonly done: number
  readonly total: number
  readonly scenario: ScenarioReport
}

/** Options of {@link runConformance}. */
export interface RunConformanceOptions {
  /** The API revision the simulator answers in. @defaultValue '2025-12' */
  readonly revision?: string
  /** Scenario ids, id prefixes or tags to keep. @defaultValue all */
  readonly only?: readonly string[]
  /** Scenario ids, id prefixes or tags to drop. @defaultValue none */
  readonly skip?: readonly string[]
  /** Scenarios run at once. @defaultValue 8 */
  readonly concurrency?: number
  /**
   * Per scenario: past this the client's call is a hang. Leave room for a careful client's whole retry
   * budget (3 attempts of a 1 s timeout plus backoff take about 3.5 s). @defaultValue 10000
   */
  readonly deadlineMs?: number
  /** A failed should rule fails the run too. @defaultValue false */
  readonly strict?: boolean
  /** A running simulator to use (its scenarios are created and freed); otherwise one is started and stopped. */
  readonly server?: MockServer
  /** Called after each scenario. */
  readonly onProgress?: (progress: ConformanceProgress) => void
  /** Stops starting new scenarios when aborted; the report holds those that ran. */
  readonly signal?: AbortSignal
  /** The toolkit's name and version, for the report. @defaultValue engagement-contract-kit, 0.0.0 */
  readonly tool?: { readonly name: string; readonly version: string }
}

/** Options of {@link runScenario}. */
export type RunScenarioOptions = ExecuteCallOptions

/**
 * Runs one scenario on a running simulator (in a scenario of its own, freed afterwards) and checks it.
 * @param scenario The scenario.
 * @param client The client under test.
 * @param server The loopback simulator; it should verify signatures with the dummy credentials.
 * @param options Revision, deadline and run id.
 * @returns The scenario's report.
 */
export async function runScenario(
  scenario: Scenario,
  client: ConformanceClient,
  server: MockServer,
  options: RunScenarioOptions,
): Promise<ScenarioReport> {
  const base = {
    id: scenario.id,
    title: scenario.title,
    tags: scenario.tags,
    why: scenario.why,
    input: scenario.input,
  }
  if (scenario.requiresPolling === true && !client.polls) {
    return {
      ...base,
      status: 'skipped',
      skipReason: 'needs a client that polls (--polls)',
      findings: [],
      journal: [],
      durationMs: 0,
    }
  }
  const run = await executeCall(scenario, client, server, {
    ...options,
    deadlineMs: Math.max(options.deadlineMs, scenario.deadlineMs ?? 0),
  })
  const findings = judgeRun(run)
  return {
    ...base,
    rules: scenario.rules,
    status: scenarioStatus(findings),
    outcome: run.outcome,
    findings,
    journal: run.journal,
    durationMs: Math.round(run.durationMs),
    ...(run.stderr === undefined || run.stderr === '' ? {} : { stderr: run.stderr }),
  }
}

/**
 * Runs the conformance check of a client.
 * @param client The client under test.
 * @param options Revision, selection, concurrency, deadline, progress.
 * @returns The report; its verdict is `fail` when a must rule failed (any rule with `strict`), `no-verdict` when nothing was judged.
 * @throws UsageError on a bad option or a selector that matches nothing.
 */
export async function runConformance(
  client: ConformanceClient,
  options: RunConformanceOptions = {},
): Promise<ConformanceReport> {
  const revision = resolveRevision(options.revision).id
  const concurrency = options.concurrency ?? 8
  const deadlineMs = options.deadlineMs ?? 10_000
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw new UsageError(
      `concurrency must be a whole number from 1 to 256, got ${String(concurrency)}.`,
    )
  if (!Number.isFinite(deadlineMs) || deadlineMs < 100 || deadlineMs > 3_600_000)
    throw new UsageError(`deadline must be from 100 ms to 1 hour, got ${String(deadlineMs)} ms.`)
  const scenarios = selectScenarios(scenarioCatalog(revision), {
    ...(options.only === undefined ? {} : { only: options.only }),
    ...(options.skip === undefined ? {} : { skip: options.skip }),
  })
  const server = options.server ?? (await startConformanceServer(revision))
  const runId = `r${Math.random().toString(36).slice(2, 10)}`
  const startedAt = new Date()
  const lag = monitorEventLoopDelay({ resolution: 20 })
  lag.enable()
  const started = performance.now()
  const reports: (ScenarioReport | undefined)[] = new Array<ScenarioReport | undefined>(
    scenarios.length,
  )
  let next = 0
  let done = 0
  try {
    const aborted = (): boolean => options.signal?.aborted === true
    const worker = async (): Promise<void> => {
      while (next < scenarios.length && !aborted()) {
        const index = next++
        const scenario = scenarios[index]
        if (scenario === undefined) break
        const report = await runScenario(scenario, client, server, {
          revision,
          deadlineMs,
          runId,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        })
        // A call cut short by the stop says nothing about the client: it is left out.
        if (aborted()) break
        reports[index] = report
        options.onProgress?.({ done: ++done, total: scenarios.length, scenario: report })
      }
    }
    await Promise.all(
      Array.from({ length: Math.min(concurrency, Math.max(1, scenarios.length)) }, worker),
    )
  } finally {
    if (options.server === undefined) await server.close()
  }
  const ran = reports.filter((report): report is ScenarioReport => report !== undefined)
  const complete = ran.length === scenarios.length
  const summary = summarize(ran, options.strict === true)
  const lagMs = lag.max / 1e6
  lag.disable()
  return {
    tool: options.tool ?? { name: 'engagement-contract-kit', version: '0.0.0' },
    client: client.name,
    revision,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    deadlineMs,
    selected: scenarios.length,
    complete,
    warnings:
      lagMs > LAG_WARNING_MS
        ? [
            `The event loop stalled for up to ${Math.round(lagMs)} ms: the machine was overloaded, so timing-dependent results (timeouts, retries) may be unreliable. Lower --concurrency.`,
          ]
        : [],
    scenarios: ran,
    ...summary,
    // No verdict when nothing was judged (every selected scenario skipped): a pass would be a lie.
    verdict: complete ? summary.verdict : 'fail',
  }
}
