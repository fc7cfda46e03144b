/**
 * The harness's wall time: the whole scenario catalog against the bundled `aws-sdk` client in-process,
 * and against the protocol v1 example (examples/python-client.py, a process per scenario).
 */
import { execFileSync } from 'node:child_process'
import { createAwsSdkClient } from '../src/judge/clients/aws-sdk-client.js'
import {
  commandConformanceClient,
  moduleConformanceClient,
} from '../src/judge/conformance-client.js'
import { runConformance } from '../src/harness/run-conformance.js'
import { packageRoot } from '../src/internal/package-root.js'

const RUNS = 3

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function wallTimes(
  run: () => Promise<{ durationMs: number; verdict: string; scenarios: readonly unknown[] }>,
): Promise<{ times: number[]; scenarios: number; verdict: string }> {
  const times: number[] = []
  let last = { scenarios: 0, verdict: '' }
  for (let i = 0; i < RUNS; i++) {
    const report = await run()
    times.push(report.durationMs)
    last = { scenarios: report.scenarios.length, verdict: report.verdict }
  }
  return { times, ...last }
}

/**
 * Runs the harness benchmark.
 * @returns Markdown lines.
 */
export async function benchHarness(): Promise<string[]> {
  const sdk = await wallTimes(() =>
    runConformance(moduleConformanceClient('aws-sdk', createAwsSdkClient('aws-sdk')), {
      concurrency: 8,
    }),
  )
  const lines = [
    '## Harness: wall time of the whole catalog',
    '',
    `Median of ${RUNS} runs of \`runConformance\` (what \`eck check\` runs), every scenario of revision 2025-12.`,
    '',
    '| client | scenarios | concurrency | wall time (median) | runs | verdict | goal |',
    '|---|---:|---:|---:|---|---|---|',
    `| bundled \`aws-sdk\`, in-process | ${sdk.scenarios} | 8 | ${(median(sdk.times) / 1000).toFixed(1)} s | ${sdk.times.map((t) => (t / 1000).toFixed(1)).join(', ')} s | ${sdk.verdict} | < 10 s |`,
  ]
  let python = true
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' })
  } catch {
    python = false
  }
  if (python) {
    const example = await wallTimes(() =>
      runConformance(
        commandConformanceClient('python3 examples/python-client.py', {
          env: { PATH: process.env.PATH },
          cwd: packageRoot(),
        }),
        { concurrency: 4 },
      ),
    )
    lines.push(
      `| protocol v1 example (\`python3 examples/python-client.py\`), a process per scenario | ${example.scenarios} | 4 | ${(median(example.times) / 1000).toFixed(1)} s | ${example.times.map((t) => (t / 1000).toFixed(1)).join(', ')} s | ${example.verdict} | < 30 s |`,
    )
  } else lines.push('', 'python3 is not installed: the protocol v1 example was not measured.')
  lines.push(
    '',
    'Most of the time is the retry scenarios waiting as a careful client must: SDK backoff (up to 1 s for throttling),',
    '`Retry-After: 1`, and 1 s request timeouts in `timeout.never-answers`; the other scenarios take a few ms each.',
  )
  return lines
}
