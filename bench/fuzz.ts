/**
 * The fuzzer: client calls per second while fuzzing the bundled `aws-sdk` client next to the raw rate of
 * the same calls with no fuzzing machinery (one process, same server, same concurrency, alternating
 * rounds); 2,000 runs against `aws-sdk`; and how many runs the unguided fuzzer needs to find each broken
 * client of the harness's fixtures (median over seeds).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { fuzzValidInput } from '../src/fuzz/fuzz-case.js'
import { runFuzz } from '../src/fuzz/run-fuzz.js'
import type { FuzzReport } from '../src/fuzz/fuzz-report.js'
import { resolveRevision } from '../src/model/revisions.js'
import { ruleInfo } from '../src/judge/rulebook.js'
import type { Severity } from '../src/judge/rule.js'
import { createAwsSdkClient } from '../src/judge/clients/aws-sdk-client.js'
import {
  commandConformanceClient,
  moduleConformanceClient,
  type ConformanceClient,
} from '../src/judge/conformance-client.js'
import type { ClientFunction } from '../src/judge/module-client.js'
import { startConformanceServer } from '../src/judge/execute-call.js'
import { packageRoot } from '../src/internal/package-root.js'
import {
  alternateRounds,
  cpuMs,
  median,
  ratioOf,
  rateRows,
  ratioRows,
  type Work,
} from './measure.js'
import type { SuiteReport } from './bench-json.js'

const WORKERS = 8
/** Calls per side per round of the rate comparison, in slices that take turns. */
const RATE_CALLS = 800
const RATE_SLICES = 4
const SLICE_CALLS = RATE_CALLS / RATE_SLICES
const RATE_ROUNDS = 5
const FIXTURE_RUNS = 2000
const SEEDS = [1, 2, 3]
const RAW = 'raw SDK calls through the simulator (no fuzzing machinery)'
const FUZZ =
  '`runFuzz`, random valid inputs, normal answers (generation, a scenario per run, the oracle)'

/** Raw calls, `SLICE_CALLS` of them, 8 at once; the work and the CPU time it took. */
async function rawSlice(
  client: ConformanceClient,
  inputs: readonly Record<string, unknown>[],
  offset: number,
): Promise<Work> {
  const started = cpuMs()
  const server = await startConformanceServer('2025-12')
  // The conformance server creates no scenario on demand: without this, every call would get a 404
  // from the transport and never meet the simulator.
  const simulator = server.simulator('raw')
  try {
    let next = 0
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < SLICE_CALLS) {
          const n = offset + next++
          await client.call(inputs[n % inputs.length] ?? {}, {
            baseUrl: server.scenarioUrl('raw'),
            scenarioId: 'raw',
            deadlineMs: 10_000,
          })
        }
      }),
    )
    const answered = simulator.journal().length
    if (answered < SLICE_CALLS)
      throw new Error(
        `Only ${String(answered)} of ${String(SLICE_CALLS)} raw calls reached the simulator.`,
      )
  } finally {
    await server.close()
  }
  return { count: SLICE_CALLS, ms: cpuMs() - started }
}

/** A fixture file of test/fixtures/clients/, as its header describes it. */
interface Fixture {
  readonly name: string
  readonly kind: 'module' | 'protocol v1'
  /** The rules it breaks (its header's `Caught by:` line), with the rulebook's severities. */
  readonly rules: readonly { readonly id: string; readonly severity: Severity }[]
  /** Why it is not fuzzed: it is not a broken client. */
  readonly skip?: string
}

/**
 * Reads a fixture's header: `Broken fixture \`x\` (in-process module | protocol-v1 command …)` and
 * `Caught by: rule \`a\` (must), \`b\` (should)`; test/harness/broken-clients.test.ts checks that each
 * header names exactly the rules the fixture fails.
 */
function readFixture(dir: string, file: string): Fixture {
  const name = file.replace(/\.mjs$/, '')
  const text = readFileSync(join(dir, file), 'utf8')
  const header = text.slice(0, text.indexOf('*/'))
  const kind = /protocol-v1 command/.test(header) ? 'protocol v1' : 'module'
  if (!/Broken fixture `/.test(header)) {
    return {
      name,
      kind,
      rules: [],
      skip: name.startsWith('protocol-v')
        ? `not a client: the protocol ${name.slice('protocol-'.length)} runner of the fixtures`
        : 'not a broken client: the correct client every fixture is built on',
    }
  }
  const caught = /Caught by: (.*)/.exec(header)?.[1]
  if (caught === undefined) {
    const reason = /\* Not a defect any more: ([^\n]*)/.exec(header)?.[1]
    return {
      name,
      kind,
      rules: [],
      skip:
        reason === undefined
          ? 'its header names no rule it breaks'
          : `not a broken client any more: ${reason.replace(/\.$/, '')}`,
    }
  }
  const rules = [...caught.matchAll(/`([a-z-]+)` \((must|should)\)/g)].map(([, id = '', said]) => {
    const { severity } = ruleInfo(id)
    if (severity !== said)
      throw new Error(
        `test/fixtures/clients/${file} says rule ${id} is a ${String(said)} rule; the rulebook says ${severity}`,
      )
    return { id, severity }
  })
  return { name, kind, rules }
}

/** One fixture's runs: per seed, the runs to find it (Infinity when not found). */
interface FixtureResult {
  readonly fixture: Fixture
  readonly runs: number[]
  /** Rules the fuzzer reported over all seeds, with how: a failure (`must`) or a warning (`should`). */
  readonly reported: Map<string, 'failure' | 'warning'>
}

function reportedRules(report: FuzzReport): Map<string, 'failure' | 'warning'> {
  const reported = new Map<string, 'failure' | 'warning'>()
  for (const failure of report.failures)
    for (const violation of failure.violations)
      if (violation.severity === 'must') reported.set(violation.invariant, 'failure')
      else if (!reported.has(violation.invariant)) reported.set(violation.invariant, 'warning')
  for (const warning of report.warnings)
    if (!reported.has(warning.rule)) reported.set(warning.rule, 'warning')
  return reported
}

async function fuzzFixture(dir: string, fixture: Fixture): Promise<FixtureResult> {
  const client =
    fixture.kind === 'protocol v1'
      ? commandConformanceClient(
          `"${process.execPath}" ${join(dir, 'protocol-v1.mjs')} --defect ${fixture.name}`,
          { cwd: packageRoot() },
        )
      : moduleConformanceClient(
          fixture.name,
          (
            (await import(pathToFileURL(join(dir, `${fixture.name}.mjs`)).href)) as {
              default: ClientFunction
            }
          ).default,
        )
  const expected = new Set(fixture.rules.map((rule) => rule.id))
  const shouldOnly = fixture.rules.every((rule) => rule.severity === 'should')
  const runs: number[] = []
  const reported = new Map<string, 'failure' | 'warning'>()
  for (const seed of SEEDS) {
    console.error(`[bench] fuzz ${fixture.name} seed ${seed}…`)
    const options = { runs: FIXTURE_RUNS, seed, modelRuns: 0, workers: WORKERS, deadlineMs: 5000 }
    // As users run it: a must rule fails the run (the fuzzer stops there), a should rule is a warning.
    const report = await runFuzz(client, options)
    const seen = reportedRules(report)
    for (const [rule, how] of seen) if (reported.get(rule) !== 'failure') reported.set(rule, how)
    const failure = report.failures.find((candidate) =>
      candidate.violations.some((violation) => expected.has(violation.invariant)),
    )
    if (failure !== undefined) {
      runs.push(failure.runsToFind ?? Number.NaN)
      continue
    }
    // A warning does not stop the fuzzer; the report says which random run first broke its rule.
    const firstRuns = shouldOnly
      ? report.warnings
          .filter((warning) => expected.has(warning.rule) && warning.firstRun !== undefined)
          .map((warning) => warning.firstRun ?? Number.POSITIVE_INFINITY)
      : []
    runs.push(firstRuns.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...firstRuns))
  }
  return { fixture, runs, reported }
}

function fixtureRow(result: FixtureResult): string {
  const { fixture, runs, reported } = result
  const found = runs.filter(Number.isFinite)
  const rules = fixture.rules.map((rule) => `\`${rule.id}\` (${rule.severity})`).join(', ')
  const how = fixture.rules
    .filter((rule) => reported.has(rule.id))
    .map((rule) => `\`${rule.id}\` ${reported.get(rule.id) ?? ''}`)
  const others = [...reported]
    .filter(([rule]) => !fixture.rules.some((r) => r.id === rule))
    .map(([rule, how]) => `\`${rule}\` ${how}`)
  return `| \`${fixture.name}\` | ${fixture.kind} | ${rules} | ${found.length > 0 ? median(found) : 'not found'} | ${runs.map((value) => (Number.isFinite(value) ? String(value) : '—')).join(', ')} | ${how.join(', ') || '—'}${others.length > 0 ? `; also ${others.join(', ')}` : ''} |`
}

/**
 * Runs the fuzz benchmark.
 * @returns Markdown lines and figures.
 */
export async function benchFuzz(): Promise<SuiteReport> {
  const sdk = moduleConformanceClient('aws-sdk', createAwsSdkClient('aws-sdk'))
  await runFuzz(sdk, { runs: 100, seed: 99, modelRuns: 0, cases: { noFaults: true } })
  // The same kind of inputs on both sides (drawn beforehand here): the difference is the fuzzing machinery.
  const inputs = fc.sample(fuzzValidInput(resolveRevision('2025-12')), {
    numRuns: RATE_CALLS,
    seed: 7,
  })
  let fuzzSlice = 0
  let rawOffset = 0
  const measured = await alternateRounds(
    [
      {
        name: RAW,
        slice: () => rawSlice(sdk, inputs, (rawOffset += SLICE_CALLS) % RATE_CALLS),
      },
      {
        name: FUZZ,
        slice: async () => {
          const started = cpuMs()
          const report = await runFuzz(sdk, {
            runs: SLICE_CALLS,
            // The same seeds every round (slice k of a round draws seed k + 1): every round fuzzes the same cases.
            seed: (fuzzSlice++ % RATE_SLICES) + 1,
            modelRuns: 0,
            workers: WORKERS,
            cases: { noFaults: true, invalidShare: 0 },
          })
          return { count: report.calls, ms: cpuMs() - started }
        },
      },
    ],
    { rounds: RATE_ROUNDS, slices: RATE_SLICES },
    (line) => {
      console.error(`[bench] fuzz ${line}`)
    },
  )
  const ratio = ratioOf('`runFuzz` / raw calls', measured, FUZZ, RAW, { atLeast: 0.7 })
  const long = await runFuzz(sdk, { runs: 2000, seed: 20261126, workers: WORKERS })
  const lines = [
    '## Fuzzer (`npm run bench -- fuzz`)',
    '',
    `Client calls per CPU second with ${WORKERS} at once, the bundled \`aws-sdk\` client in-process, on one loopback simulator (client and server share the process, so its CPU time is all the work): a warm-up round, then ${RATE_ROUNDS} alternating rounds of ${RATE_CALLS} calls per side, in slices of ${SLICE_CALLS} that take turns:`,
    '',
    ...rateRows(measured, 'client calls per CPU second'),
    '',
    ...ratioRows([ratio]),
    '',
    `With the full fault mix, the client's own waiting dominates (SDK backoff, \`Retry-After\`, 1 s timeouts on hangs):`,
    `2,000 runs against \`aws-sdk\` (seed 20261126, plus ${long.modelRuns} model-based sequences) took ${(long.durationMs / 1000).toFixed(1)} s, ${long.calls} client calls,`,
    `and found **${long.failures.length} failure(s)**${long.warnings.length > 0 ? ` and warnings ${long.warnings.map((warning) => warning.rule).join(', ')}` : ''}.`,
    ...long.failures.map(
      (failure) =>
        `- ${failure.flaky === true ? 'flaky (did not come back on its re-run): ' : ''}${failure.violations.map((violation) => `\`${violation.invariant}\` (${violation.severity}): ${violation.message}`).join('; ')}; replay with \`--replay ${failure.replay ?? '?'}\``,
    ),
  ]
  const figures: Record<string, unknown> = {
    unit: 'client calls per CPU second',
    rates: measured.rates,
    ratios: [ratio],
    long: {
      runs: 2000,
      seed: 20261126,
      modelRuns: long.modelRuns,
      durationMs: long.durationMs,
      calls: long.calls,
      failures: long.failures.map((failure) => ({
        replay: failure.replay,
        flaky: failure.flaky === true,
        violations: failure.violations,
        outcome: failure.outcome,
        journal: failure.journal,
      })),
      warnings: long.warnings.map((warning) => warning.rule),
    },
  }
  if (process.env.ECK_BENCH_FUZZ_QUICK === '1') return { lines, figures }
  const dir = join(packageRoot(), 'test', 'fixtures', 'clients')
  const fixtures = readdirSync(dir)
    .filter((file) => file.endsWith('.mjs'))
    .sort()
    .map((file) => readFixture(dir, file))
  const results: FixtureResult[] = []
  for (const fixture of fixtures) {
    if (fixture.skip === undefined) results.push(await fuzzFixture(dir, fixture))
  }
  const found = results.filter((result) => result.runs.some(Number.isFinite)).length
  lines.push(
    '',
    `Runs the unguided fuzzer needs to find each broken fixture of \`test/fixtures/clients/\` (at most ${FIXTURE_RUNS.toLocaleString('en-US')} runs, ${WORKERS} workers, seeds ${SEEDS.join(', ')}; the median over the seeds that found it). A fixture is found when the fuzzer reports a rule it breaks: a *must* rule as a failure, a *should* rule as a warning (for those, the runs to find are the report's first run that broke it: a warning does not stop the fuzzer).`,
    '',
    '| fixture | kind | rules it breaks | runs to find (median) | per seed | reported (its rules; also: other rules) |',
    '|---|---|---|---:|---|---|',
    ...results.map(fixtureRow),
    '',
    `Found: ${found} of ${results.length} broken fixtures.`,
  )
  const skipped = fixtures.filter((fixture) => fixture.skip !== undefined)
  if (skipped.length > 0)
    lines.push(
      '',
      `Not fuzzed: ${skipped.map((fixture) => `\`${fixture.name}\` (${fixture.skip ?? ''})`).join('; ')}.`,
    )
  figures.fixtures = {
    runs: FIXTURE_RUNS,
    workers: WORKERS,
    seeds: SEEDS,
    found,
    of: results.length,
    results: results.map((result) => ({
      fixture: result.fixture.name,
      kind: result.fixture.kind,
      rules: result.fixture.rules,
      runsToFind: result.runs.map((value) => (Number.isFinite(value) ? value : null)),
      reported: Object.fromEntries(result.reported),
    })),
    skipped: skipped.map((fixture) => ({ fixture: fixture.name, reason: fixture.skip })),
  }
  return { lines, figures }
}
