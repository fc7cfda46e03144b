/**
 * `eck check`: runs a client against every scenario of the catalog on a loopback simulator and prints
 * the verdict. Exit 0 when every must rule passes (every rule with --strict), 1 otherwise, 2 on usage
 * errors and when nothing was judged.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ruleInfo } from '../../judge/rulebook.js'
import {
  renderReport,
  isReporterName,
  REPORTERS,
  type ReporterName,
} from '../../harness/reporters/render-report.js'
import { visible } from '../../harness/reporters/render-console.js'
import { BUNDLED_CLIENTS } from '../../judge/clients/aws-sdk-client.js'
import type { ConformanceReport } from '../../harness/conformance-report.js'
import { inspect } from 'node:util'
import { runConformance, type ConformanceProgress } from '../../harness/run-conformance.js'
import { scenarioCatalog, selectScenarios } from '../../harness/scenarios/catalog.js'
import { packageVersion } from '../../internal/package-version.js'
import { ToolkitError, UsageError } from '../../internal/toolkit-error.js'
import { resolveRevision } from '../../model/revisions.js'
import type { CliContext } from '../output.js'
import { resolveClient } from '../client-option.js'
import {
  optionInteger,
  optionList,
  optionText,
  parseDuration,
  withNewline,
} from '../option-values.js'

/** Options of `eck check`. */
export interface CheckCommandOptions {
  readonly client?: string | boolean
  readonly command?: string | boolean
  readonly polls?: boolean
  readonly protocol?: string | number | boolean
  readonly callsPerProcess?: string | number | boolean
  readonly revision?: string
  readonly only?: string | string[] | boolean
  readonly skip?: string | string[] | boolean
  readonly concurrency?: string | number | boolean
  readonly deadline?: string | number | boolean
  readonly reporter?: string | string[] | boolean
  readonly output?: string | boolean
  readonly list?: boolean
  readonly quiet?: boolean
  readonly strict?: boolean
}

function progressLine(progress: ConformanceProgress): string {
  const { scenario } = progress
  const mark =
    scenario.status === 'passed' ? 'ok  ' : scenario.status === 'skipped' ? 'skip' : 'FAIL'
  const failed = scenario.findings.find((finding) => !finding.passed)
  const detail =
    failed === undefined
      ? ''
      : ` rule ${ruleInfo(failed.check).number} (${failed.check}, ${ruleInfo(failed.check).severity}): ${failed.message}`
  return `eck check: [${progress.done}/${progress.total}] ${mark} ${scenario.id} (${scenario.durationMs} ms)${visible(detail)}\n`
}

/**
 * Runs `eck check`.
 * @param options The parsed options.
 * @param context Where to read and write; `stopped` ends the run early.
 * @returns 0 when every must check passed, 1 otherwise.
 * @throws UsageError on bad options.
 */
export async function checkCommand(
  options: CheckCommandOptions,
  context: CliContext,
): Promise<number> {
  const revision = resolveRevision(optionText('--revision', options.revision)).id
  const only = optionList('--only', options.only)
  const skip = optionList('--skip', options.skip)
  const selection = {
    ...(only === undefined ? {} : { only }),
    ...(skip === undefined ? {} : { skip }),
  }
  const selected = selectScenarios(scenarioCatalog(revision), selection)
  if (options.list === true) {
    for (const scenario of selected)
      context.out(`${scenario.id}\t[${scenario.tags.join(',')}]\t${scenario.title}\n`)
    return 0
  }
  if (selected.length === 0)
    throw new UsageError('--only and --skip leave no scenario to run; see eck check --list.')
  const outputs = reportTargets(
    optionList('--reporter', options.reporter) ?? ['console'],
    optionText('--output', options.output),
    context.cwd,
  )
  const concurrency = optionInteger('--concurrency', options.concurrency, 1, 256)
  const deadlineText = optionText('--deadline', options.deadline)
  const deadlineMs = deadlineText === undefined ? undefined : parseDuration(deadlineText)
  if (typeof options.command === 'number')
    throw new UsageError('--command needs a shell command, e.g. --command "python3 client.py".')
  const bundled =
    options.command === undefined &&
    (options.client === undefined ||
      (BUNDLED_CLIENTS as readonly unknown[]).includes(options.client))
  if (bundled && options.polls === true)
    throw new UsageError(
      '--polls is for your own client; the bundled client that polls is --client aws-sdk-polling.',
    )
  const client = await resolveClient(options, context)
  if (selected.every((scenario) => scenario.requiresPolling === true) && !client.polls) {
    throw new UsageError(
      'Every selected scenario needs a client that polls: add --polls (or export capabilities = { polls: true }), or select other scenarios.',
    )
  }
  // Fail before the run, not after it, when a report cannot be written.
  for (const target of outputs) if (target.path !== undefined) prepareOutput(target.path)
  const abort = new AbortController()
  void context.stopped?.then(() => {
    abort.abort()
  })
  let notRunnable: string | undefined
  const run = (): Promise<ConformanceReport> =>
    runConformance(client, {
      revision,
      ...selection,
      // A command starts a process per scenario (v1) or per scenario at once (v2): fewer on a small machine.
      concurrency: concurrency ?? (options.command === undefined ? 8 : 4),
      ...(deadlineMs === undefined ? {} : { deadlineMs }),
      ...(options.strict === true ? { strict: true } : {}),
      signal: abort.signal,
      tool: packageVersion(),
      onProgress: (progress: ConformanceProgress) => {
        const { scenario } = progress
        if (
          scenario.outcome?.kind === 'crash' &&
          /^exit code 12[67]\b/.test(scenario.outcome.reason) &&
          scenario.journal.length === 0
        ) {
          notRunnable ??= `${scenario.outcome.reason}${scenario.stderr === undefined ? '' : `: ${scenario.stderr.trim().split('\n')[0] ?? ''}`}`
          abort.abort()
        }
        if (options.quiet !== true) context.err(progressLine(progress))
      },
    })
  // An in-process client's console output goes to stderr, so stdout holds only the report.
  let report: ConformanceReport
  try {
    report = options.command === undefined ? await withConsoleOnStderr(context, run) : await run()
  } finally {
    await client.close?.()
  }
  if (notRunnable !== undefined)
    throw new UsageError(
      `The shell could not run --command ${JSON.stringify(String(options.command))} (${notRunnable}). Check the program name and PATH.`,
    )
  let printed = false
  for (const target of outputs) {
    const rendered = withNewline(renderReport(report, target.reporter))
    if (target.path === undefined) {
      context.out(rendered)
      printed ||= target.reporter === 'console'
      continue
    }
    try {
      writeFileSync(target.path, rendered)
    } catch (error) {
      throw new ToolkitError(
        `Cannot write the report to ${target.path}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      )
    }
    context.err(`eck check: ${target.reporter} report written to ${target.path}\n`)
  }
  if (!printed && outputs.every((target) => target.path !== undefined))
    context.out(withNewline(renderReport(report, 'console')))
  if (abort.signal.aborted && !report.complete) {
    context.err(
      `eck check: stopped after ${report.scenarios.length} of ${report.selected} scenario(s); no verdict.\n`,
    )
  }
  if (report.verdict === 'no-verdict') {
    context.err(
      `eck check: no verdict: none of the ${report.selected} selected scenario(s) was judged (all skipped). Select others with --only/--skip, or pass --polls for a client that polls.\n`,
    )
    return 2
  }
  return report.verdict === 'pass' ? 0 : 1
}

interface ReportTarget {
  readonly reporter: ReporterName
  /** Absolute path, or undefined for stdout. */
  readonly path?: string
}

/**
 * Reads `--reporter name[:file]` (repeatable) and `--output file` (for a single reporter).
 * @param specs The reporter options.
 * @param output The --output option.
 * @param cwd Where relative paths start.
 * @returns Where each report goes.
 * @throws UsageError on an unknown reporter, two reporters on stdout, or --output with several reporters.
 */
function reportTargets(
  specs: readonly string[],
  output: string | undefined,
  cwd: string,
): ReportTarget[] {
  const targets = specs.map((spec): ReportTarget => {
    const colon = spec.indexOf(':')
    const name = colon < 0 ? spec : spec.slice(0, colon)
    const file = colon < 0 ? undefined : spec.slice(colon + 1)
    if (!isReporterName(name))
      throw new UsageError(
        `Unknown reporter ${JSON.stringify(name)}. Reporters: ${REPORTERS.join(', ')} (each may add :file, e.g. junit:eck.xml).`,
      )
    if (file === '')
      throw new UsageError(
        `--reporter ${name}: needs a file after the colon, e.g. ${name}:report.out.`,
      )
    return file === undefined ? { reporter: name } : { reporter: name, path: resolve(cwd, file) }
  })
  if (output !== undefined) {
    if (targets.length !== 1 || targets[0]?.path !== undefined)
      throw new UsageError(
        '--output goes with one --reporter; for several, give each its file: --reporter junit:eck.xml --reporter html:eck.html.',
      )
    return [{ reporter: targets[0]?.reporter ?? 'console', path: resolve(cwd, output) }]
  }
  if (targets.filter((target) => target.path === undefined).length > 1)
    throw new UsageError(
      'Only one report can go to stdout; give the others a file: --reporter junit:eck.xml.',
    )
  return targets
}

function prepareOutput(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, '')
  } catch (error) {
    throw new UsageError(
      `Cannot write a report to ${path}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

async function withConsoleOnStderr<T>(context: CliContext, run: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, info: console.info, debug: console.debug }
  const toStderr = (...parts: unknown[]): void => {
    context.err(
      `${parts.map((part) => (typeof part === 'string' ? part : inspect(part))).join(' ')}\n`,
    )
  }
  console.log = toStderr
  console.info = toStderr
  console.debug = toStderr
  try {
    return await run()
  } finally {
    Object.assign(console, saved)
  }
}
