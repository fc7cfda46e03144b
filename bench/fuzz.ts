/**
 * The fuzzer: client calls per second while fuzzing the bundled `aws-sdk` client next to the raw rate of
 * the same calls with no fuzzing machinery (one run, same server, same concurrency); 2,000 runs against
 * `aws-sdk`; and how many runs the unguided fuzzer needs to find each broken client of the harness's
 * fixtures (median over seeds).
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { fuzzValidInput } from '../src/fuzz/fuzz-case.js'
import { runFuzz } from '../src/fuzz/run-fuzz.js'
import { resolveRevision } from '../src/model/revisions.js'
import { createAwsSdkClient } from '../src/judge/clients/aws-sdk-client.js'
import {
  commandConformanceClient,
  moduleConformanceClient,
  type ConformanceClient,
} from '../src/judge/conformance-client.js'
import type { ClientFunction } from '../src/judge/module-client.js'
import { startConformanceServer } from '../src/judge/execute-call.js'
import { packageRoot } from '../src/internal/package-root.js'

const WORKERS = 8
const RATE_CALLS = 800
const SEEDS = [1, 2, 3]
/** Fixtures that break the protocol itself: they only misbehave as commands. */
const PROTOCOL_FIXTURES = new Set([
  'exit-code-3',
  'non-json-output',
  'wrong-target',
  'no-client-token',
])

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function rawRate(
  client: ConformanceClient,
  inputs: readonly Record<string, unknown>[],
): Promise<number> {
  const server = await startConformanceServer('2025-12')
  try {
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < RATE_CALLS) {
          const n = next++
          await client.call(inputs[n % inputs.length] ?? {}, {
            baseUrl: server.scenarioUrl('raw'),
            scenarioId: 'raw',
            deadlineMs: 10_000,
          })
        }
      }),
    )
    return (RATE_CALLS * 1000) / (performance.now() - started)
  } finally {
    await server.close()
  }
}

/**
 * Runs the fuzz benchmark.
 * @returns Markdown lines.
 */
export async function benchFuzz(): Promise<string[]> {
  const sdk = moduleConformanceClient('aws-sdk', createAwsSdkClient('aws-sdk'))
  // Warm up both paths, then alternate them (which goes first changes the numbers): medians of 3 rounds each.
  await runFuzz(sdk, { runs: 100, seed: 99, modelRuns: 0, cases: { noFaults: true } })
  // The same kind of inputs on both sides (drawn beforehand here): the difference is the fuzzing machinery.
  const inputs = fc.sample(fuzzValidInput(resolveRevision('2025-12')), {
    numRuns: RATE_CALLS,
    seed: 7,
  })
  await rawRate(sdk, inputs)
  const raws: number[] = []
  const fuzzes: number[] = []
  for (let round = 0; round < 3; round++) {
    const fuzzFirst = round % 2 === 0
    if (!fuzzFirst) raws.push(await rawRate(sdk, inputs))
    const inputsOnly = await runFuzz(sdk, {
      runs: RATE_CALLS,
      seed: round + 1,
      modelRuns: 0,
      workers: WORKERS,
      cases: { noFaults: true, invalidShare: 0 },
    })
    fuzzes.push((inputsOnly.calls * 1000) / inputsOnly.durationMs)
    if (fuzzFirst) raws.push(await rawRate(sdk, inputs))
  }
  const raw = median(raws)
  const fuzzRate = median(fuzzes)
  const long = await runFuzz(sdk, { runs: 2000, seed: 20261126, workers: WORKERS })
  const lines = [
    '## Fuzzer (`npm run bench -- fuzz`)',
    '',
    `Client calls per second with ${WORKERS} at once, the bundled \`aws-sdk\` client in-process, on one loopback simulator, in one run (both paths warmed up, then 3 alternating rounds; medians):`,
    '',
    '| what | calls/s |',
    '|---|---:|',
    `| raw SDK calls through the simulator (the same kind of valid inputs, drawn beforehand; no fuzzing machinery) | ${raw.toFixed(0)} (rounds: ${raws.map((value) => value.toFixed(0)).join(', ')}) |`,
    `| \`runFuzz\` with random valid inputs and normal answers (generation, a scenario per run, the oracle) | ${fuzzRate.toFixed(0)} (rounds: ${fuzzes.map((value) => value.toFixed(0)).join(', ')}) |`,
    `| ratio (goal at least 0.7) | ${(fuzzRate / raw).toFixed(2)} |`,
    '',
    `With the full fault mix, the client's own waiting dominates (SDK backoff, \`Retry-After\`, 1 s timeouts on hangs):`,
    `2,000 runs against \`aws-sdk\` (seed 20261126, plus ${long.modelRuns} model-based sequences) took ${(long.durationMs / 1000).toFixed(1)} s, ${long.calls} client calls,`,
    `and found **${long.failures.length} failure(s)**.`,
    '',
    `Runs the unguided fuzzer needed to find each broken fixture of \`test/fixtures/clients/\` (at most 2,000 runs, ${WORKERS} workers, seeds ${SEEDS.join(', ')}; median, and the invariant it broke):`,
    '',
    '| fixture | kind | runs to find (median) | per seed | invariant |',
    '|---|---|---:|---|---|',
  ]
  if (process.env.ECK_BENCH_FUZZ_QUICK === '1') return lines.slice(0, lines.length - 4)
  const dir = join(packageRoot(), 'test', 'fixtures', 'clients')
  const fixtures = readdirSync(dir)
    .filter(
      (name) =>
        name.endsWith('.mjs') && name !== 'base-client.mjs' && !name.startsWith('protocol-v'),
    )
    .map((name) => name.replace(/\.mjs$/, ''))
  let found = 0
  for (const fixture of fixtures) {
    const command = PROTOCOL_FIXTURES.has(fixture)
    const client = command
      ? commandConformanceClient(
          `"${process.execPath}" ${join(dir, 'protocol-v1.mjs')} --defect ${fixture}`,
          { cwd: packageRoot() },
        )
      : moduleConformanceClient(
          fixture,
          (
            (await import(pathToFileURL(join(dir, `${fixture}.mjs`)).href)) as {
              default: ClientFunction
            }
          ).default,
        )
    const runs: number[] = []
    const invariants = new Set<string>()
    for (const seed of SEEDS) {
      console.error(`[bench] fuzz ${fixture} seed ${seed}…`)
      const report = await runFuzz(client, {
        runs: 2000,
        seed,
        modelRuns: 0,
        workers: WORKERS,
        deadlineMs: 5000,
      })
      const failure = report.failures[0]
      if (failure === undefined) runs.push(Number.POSITIVE_INFINITY)
      else {
        runs.push(failure.runsToFind ?? Number.NaN)
        for (const violation of failure.violations) invariants.add(violation.invariant)
      }
    }
    const caught = runs.some(Number.isFinite)
    if (caught) found++
    lines.push(
      `| \`${fixture}\` | ${command ? 'protocol v1' : 'module'} | ${caught ? median(runs) : 'not found'} | ${runs.map((value) => (Number.isFinite(value) ? String(value) : '—')).join(', ')} | ${[...invariants].join(', ')} |`,
    )
  }
  lines.push('', `Found: ${found} of ${fixtures.length} fixtures.`)
  return lines
}
