/**
 * `npm run bench -- --json`: the figures of every suite that ran as one JSON document, so that a user
 * can track them in CI (`npm run --silent bench -- validation --json > bench.json`, or
 * `--json=bench.json`).
 */
import { writeFileSync } from 'node:fs'
import { cpus, platform, totalmem } from 'node:os'
import type { Ratio } from './measure.js'

/** One suite's output. */
export interface SuiteReport {
  /** Markdown lines, printed as they are. */
  readonly lines: readonly string[]
  /** The figures as data (rates, per-round ratios under `ratios`, goals), for `--json`. */
  readonly figures: Readonly<Record<string, unknown>>
}

/** What a suite returns: Markdown lines only, or lines and figures. */
export type SuiteOutput = readonly string[] | SuiteReport

/** Where the JSON goes: stdout, or a file. */
type JsonTarget = 'stdout' | { readonly path: string }

/**
 * Splits the command line into suite names and the `--json[=path]` option.
 * @param args `process.argv.slice(2)`.
 * @returns The wanted suites (none means all) and the JSON target, if any.
 */
export function parseBenchArgs(args: readonly string[]): {
  wanted: string[]
  json: JsonTarget | undefined
} {
  let json: JsonTarget | undefined
  const wanted: string[] = []
  for (const arg of args) {
    if (arg === '--json') json = 'stdout'
    else if (arg.startsWith('--json=')) json = { path: arg.slice('--json='.length) }
    else wanted.push(arg)
  }
  return { wanted, json }
}

/**
 * The Markdown lines of a suite's output.
 * @param output What the suite returned.
 * @returns Its lines.
 */
export function linesOf(output: SuiteOutput): readonly string[] {
  return 'lines' in output ? output.lines : output
}

function isRatio(value: unknown): value is Ratio {
  return (
    typeof value === 'object' &&
    value !== null &&
    'goal' in value &&
    'median' in value &&
    'worst' in value &&
    'holds' in value
  )
}

/**
 * Writes the figures: machine, date, every suite's figures (a suite that returns only Markdown gives
 * its lines), and every stated goal in one list with whether it holds.
 * @param target stdout or a file.
 * @param outputs Each suite's output, by suite name.
 */
export function writeBenchJson(
  target: JsonTarget,
  outputs: Readonly<Record<string, SuiteOutput>>,
): void {
  const suites: Record<string, unknown> = {}
  const goals: unknown[] = []
  for (const [name, output] of Object.entries(outputs)) {
    if (!('figures' in output)) {
      suites[name] = { lines: output }
      continue
    }
    suites[name] = output.figures
    const ratios = output.figures.ratios
    if (Array.isArray(ratios)) {
      for (const ratio of ratios as unknown[]) {
        if (!isRatio(ratio)) continue
        goals.push({
          suite: name,
          name: ratio.name,
          goal: ratio.goal,
          median: ratio.median,
          worst: ratio.worst,
          holds: ratio.holds,
        })
      }
    }
  }
  const document = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown CPU',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: platform(),
    },
    goals,
    suites,
  }
  const text = `${JSON.stringify(document, null, 2)}\n`
  if (target === 'stdout') process.stdout.write(text)
  else {
    writeFileSync(target.path, text)
    console.error(`[bench] figures written to ${target.path}`)
  }
}
