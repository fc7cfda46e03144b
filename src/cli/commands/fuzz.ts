/**
 * `eck fuzz`: random inputs and random server behaviour against a client; a failure is shrunk and
 * printed with its journal and the `--replay` that re-runs it. Exit 0 when nothing broke, 1 otherwise,
 * 2 on usage errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import {
  isFuzzReporterName,
  renderFuzzReport,
  FUZZ_REPORTERS,
} from '../../fuzz/render-fuzz-report.js'
import { runFuzz, type FuzzProgress } from '../../fuzz/run-fuzz.js'
import { packageVersion } from '../../internal/package-version.js'
import { ToolkitError, UsageError } from '../../internal/toolkit-error.js'
import { resolveRevision } from '../../model/revisions.js'
import { resolveClient, type ClientOptions } from '../client-option.js'
import { optionInteger, optionText, parseDuration, withNewline } from '../option-values.js'
import type { CliContext } from '../output.js'

/** Options of `eck fuzz`. */
export interface FuzzCommandOptions extends ClientOptions {
  readonly revision?: string
  readonly runs?: string | number | boolean
  readonly seed?: string | number | boolean
  readonly shard?: string | boolean
  readonly workers?: string | number | boolean
  readonly timeLimit?: string | number | boolean
  readonly deadline?: string | number | boolean
  readonly replay?: string | number | boolean
  readonly corpus?: string | boolean
  readonly modelRuns?: string | number | boolean
  /** cac reads `--no-faults` as `faults: false`. */
  readonly faults?: boolean
  readonly reporter?: string | boolean
  readonly output?: string | boolean
  readonly quiet?: boolean
  readonly strict?: boolean
  readonly allowFlaky?: boolean
}

/**
 * Reads `--shard i/n`.
 * @param text e.g. `2/4`.
 * @returns The shard index (1-based) and count.
 * @throws UsageError on another form.
 */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (match === null || count < 1 || index < 1 || index > count || count > 10_000) {
    throw new UsageError(
      `--shard must be i/n with 1 <= i <= n (e.g. 2/4 for the second of four CI jobs), got ${JSON.stringify(text)}.`,
    )
  }
  return { index, count }
}

/**
 * Runs `eck fuzz`.
 * @param options The parsed options.
 * @param context Where to read and write; `stopped` ends the run early.
 * @returns 0 when no invariant broke, 1 otherwise.
 * @throws UsageError on bad options.
 */
export async function fuzzCommand(
  options: FuzzCommandOptions,
  context: CliContext,
): Promise<number> {
  const revision = resolveRevision(optionText('--revision', options.revision)).id
  const runs = optionInteger('--runs', options.runs, 1, 10_000_000)
  const seed = optionInteger('--seed', options.seed, -(2 ** 31), 2 ** 31 - 1)
  const workers = optionInteger('--workers', options.workers, 1, 256)
  const modelRuns = optionInteger('--model-runs', options.modelRuns, 0, 1_000_000)
  const shardText = optionText('--shard', options.shard)
  const shard = shardText === undefined ? undefined : parseShard(shardText)
  const timeLimitText = optionText('--time-limit', options.timeLimit)
  const timeLimitMs =
    timeLimitText === undefined ? undefined : parseDuration(timeLimitText, '--time-limit')
  const deadlineText = optionText('--deadline', options.deadline)
  const deadlineMs = deadlineText === undefined ? undefined : parseDuration(deadlineText)
  if (deadlineMs !== undefined && (deadlineMs < 100 || deadlineMs > 3_600_000))
    throw new UsageError(`--deadline must be from 100 ms to 1 hour, got ${deadlineMs} ms.`)
  const replay = optionText('--replay', options.replay)
  const corpus = optionText('--corpus', options.corpus)
  const reporter = optionText('--reporter', options.reporter) ?? 'console'
  if (!isFuzzReporterName(reporter))
    throw new UsageError(
      `Unknown reporter ${JSON.stringify(reporter)}. Reporters: ${FUZZ_REPORTERS.join(', ')}.`,
    )
  const output = optionText('--output', options.output)
  const client = await resolveClient(options, context)
  const abort = new AbortController()
  void context.stopped?.then(() => {
    abort.abort()
  })
  let lastProgress = 0
  let printedDone = false
  const report = await runFuzzAndClose(client, {
    revision,
    ...(runs === undefined ? {} : { runs }),
    ...(seed === undefined ? {} : { seed }),
    ...(shard === undefined ? {} : { shard }),
    ...(workers === undefined ? {} : { workers }),
    ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
    ...(replay === undefined ? {} : { replay }),
    ...(corpus === undefined ? {} : { corpus: resolve(context.cwd, corpus) }),
    ...(modelRuns === undefined ? {} : { modelRuns }),
    ...(options.faults === false ? { cases: { noFaults: true } } : {}),
    ...(options.strict === true ? { strict: true } : {}),
    ...(options.allowFlaky === true ? { allowFlaky: true } : {}),
    signal: abort.signal,
    tool: packageVersion(),
    ...(options.quiet === true
      ? {}
      : {
          onProgress: (progress: FuzzProgress) => {
            const now = progress.elapsedMs
            if (now - lastProgress < 1000 && (progress.runs < progress.total || printedDone)) return
            lastProgress = now
            printedDone ||= progress.runs >= progress.total
            const rate = progress.elapsedMs > 0 ? (progress.calls * 1000) / progress.elapsedMs : 0
            context.err(
              `eck fuzz: ${progress.runs}/${progress.total} runs, ${progress.failures} failure(s), ${rate.toFixed(0)} calls/s\n`,
            )
          },
        }),
  })
  const rendered = withNewline(renderFuzzReport(report, reporter))
  if (output === undefined) context.out(rendered)
  else {
    const path = resolve(context.cwd, output)
    try {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, rendered)
    } catch (error) {
      throw new ToolkitError(
        `Cannot write the report to ${path}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      )
    }
    if (reporter !== 'console') context.out(withNewline(renderFuzzReport(report, 'console')))
    context.err(`eck fuzz: ${reporter} report written to ${path}\n`)
  }
  if (abort.signal.aborted) {
    context.err(`eck fuzz: stopped after ${report.judged} of ${report.runs} run(s); no verdict.\n`)
    return 1
  }
  if (report.verdict === 'no-verdict') {
    context.err(
      `eck fuzz: no verdict: no run was judged. Give --runs 1 or more, or a longer --time-limit.\n`,
    )
    return 2
  }
  return report.verdict === 'pass' ? 0 : 1
}

/** Runs the fuzzer, then frees the client (a module client's thread). */
async function runFuzzAndClose(
  client: Awaited<ReturnType<typeof resolveClient>>,
  options: Parameters<typeof runFuzz>[1],
): ReturnType<typeof runFuzz> {
  try {
    return await runFuzz(client, options)
  } finally {
    await client.close?.()
  }
}
