/**
 * `eck check`: runs a client against every scenario of the catalog on a loopback simulator and prints
 * the verdict. Exit 0 when every must check passes, 1 otherwise, 2 on usage errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { CHECKS } from '../../harness/checks/check-info.js'
import { renderReport, isReporterName, REPORTERS } from '../../harness/reporters/render-report.js'
import { runConformance, type ConformanceProgress } from '../../harness/run-conformance.js'
import { scenarioCatalog, selectScenarios } from '../../harness/scenarios/catalog.js'
import { packageVersion } from '../../internal/package-version.js'
import { ToolkitError, UsageError } from '../../internal/toolkit-error.js'
import { resolveRevision } from '../../model/revisions.js'
import type { CliContext } from '../output.js'
import { resolveClient } from '../client-option.js'
import { optionList, optionText, parseDuration, withNewline } from '../option-values.js'

/** Options of `eck check`. */
export interface CheckCommandOptions {
  readonly client?: string | boolean
  readonly command?: string | boolean
  readonly polls?: boolean
  readonly revision?: string
  readonly only?: string | string[] | boolean
  readonly skip?: string | string[] | boolean
  readonly concurrency?: string | number | boolean
  readonly deadline?: string | number | boolean
  readonly reporter?: string | string[] | boolean
  readonly output?: string | boolean
  readonly list?: boolean
  readonly quiet?: boolean
}

function progressLine(progress: ConformanceProgress): string {
  const { scenario } = progress
  const mark = scenario.status === 'passed' ? 'ok  ' : scenario.status === 'skipped' ? 'skip' : 'FAIL'
  const failed = scenario.findings.find((finding) => !finding.passed)
  const detail = failed === undefined ? '' : ` check ${CHECKS[failed.check].number} (${failed.check}): ${failed.message}`
  return `eck check: [${progress.done}/${progress.total}] ${mark} ${scenario.id} (${scenario.durationMs} ms)${detail}\n`
}

/**
 * Runs `eck check`.
 * @param options The parsed options.
 * @param context Where to read and write; `stopped` ends the run early.
 * @returns 0 when every must check passed, 1 otherwise.
 * @throws UsageError on bad options.
 */
export async function checkCommand(options: CheckCommandOptions, context: CliContext): Promise<number> {
  const revision = resolveRevision(optionText('--revision', options.revision)).id
  const only = optionList('--only', options.only)
  const skip = optionList('--skip', options.skip)
  if (options.list === true) {
    const scenarios = selectScenarios(scenarioCatalog(revision), { ...(only === undefined ? {} : { only }), ...(skip === undefined ? {} : { skip }) })
    for (const scenario of scenarios) context.out(`${scenario.id}\t[${scenario.tags.join(',')}]\t${scenario.title}\n`)
    return 0
  }
  const reporters = optionList('--reporter', options.reporter) ?? ['console']
  if (reporters.length !== 1) throw new UsageError(`Give one --reporter (${REPORTERS.join('|')}); run eck check again for another format.`)
  const reporter = reporters[0] ?? 'console'
  if (!isReporterName(reporter)) throw new UsageError(`Unknown reporter ${JSON.stringify(reporter)}. Reporters: ${REPORTERS.join(', ')}.`)
  const output = optionText('--output', options.output)
  const concurrencyText = optionText('--concurrency', options.concurrency)
  const concurrency = concurrencyText === undefined ? undefined : Number(concurrencyText)
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 256, got ${JSON.stringify(concurrencyText)}.`)
  }
  const deadlineText = optionText('--deadline', options.deadline)
  const deadlineMs = deadlineText === undefined ? undefined : parseDuration(deadlineText)
  const client = await resolveClient(options, context)
  const abort = new AbortController()
  void context.stopped?.then(() => abort.abort())
  const report = await runConformance(client, {
    revision,
    ...(only === undefined ? {} : { only }),
    ...(skip === undefined ? {} : { skip }),
    // Protocol v1 starts a process per scenario: fewer at once on a small machine.
    concurrency: concurrency ?? (options.command === undefined ? 8 : 4),
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
    signal: abort.signal,
    tool: packageVersion(),
    ...(options.quiet === true ? {} : { onProgress: (progress: ConformanceProgress) => context.err(progressLine(progress)) }),
  })
  const rendered = withNewline(renderReport(report, reporter))
  if (output === undefined) context.out(rendered)
  else {
    const path = resolve(context.cwd, output)
    try {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, rendered)
    } catch (error) {
      throw new ToolkitError(`Cannot write the report to ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
    if (reporter !== 'console') context.out(withNewline(renderReport(report, 'console')))
    context.err(`eck check: ${reporter} report written to ${path}\n`)
  }
  if (abort.signal.aborted) {
    context.err(`eck check: stopped after ${report.scenarios.length} scenario(s); the verdict covers only those.\n`)
    return 1
  }
  return report.verdict === 'pass' ? 0 : 1
}
