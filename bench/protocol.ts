/**
 * Client protocol v1 against v2, in one process and in alternating rounds: for the Node (the JS SDK
 * adapter), Python (the standard-library example) and Java (the Java SDK adapter) clients, the wall time of
 * the whole `eck check` catalog and the calls per second of `eck fuzz --no-faults`; and the issue #15 goal:
 * the Python example over v2 fuzzes at no less than a third of the in-process rate of the JS SDK
 * (`eck fuzz --client aws-sdk --no-faults`), on the median round and on the worst.
 */
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { createAwsSdkClient } from '../src/judge/clients/aws-sdk-client.js'
import {
  commandConformanceClient,
  moduleConformanceClient,
  type ConformanceClient,
} from '../src/judge/conformance-client.js'
import { runConformance } from '../src/harness/run-conformance.js'
import { runFuzz } from '../src/fuzz/run-fuzz.js'
import { ruleInfo } from '../src/judge/rulebook.js'
import { packageRoot } from '../src/internal/package-root.js'

const ROUNDS = Number(process.env.ECK_BENCH_PROTOCOL_ROUNDS ?? 3)
const GOAL_ROUNDS = 5
const GOAL_RUNS = 1000
const WORKERS = 8

interface Subject {
  readonly name: string
  /** The command without the protocol argument. */
  readonly command: string
  /** Scenarios at once in `eck check` and fuzz workers (the adapter's own, as the SDK matrix runs it). */
  readonly concurrency: number
  /** Fuzz runs per measurement (a process per call makes v1 slow). */
  readonly fuzzRuns: number
  readonly missing?: string
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length / 2
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

function runs(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function subjects(): Subject[] {
  const root = packageRoot()
  const jar = join(root, 'examples/sdk/java/target/eck-adapter-java.jar')
  return [
    {
      name: 'Node (JS SDK adapter)',
      command: `"${process.execPath}" examples/sdk/js/adapter.mjs --config recommended`,
      concurrency: 4,
      fuzzRuns: 200,
    },
    {
      name: 'Python (standard-library example)',
      command: 'python3 examples/python-client.py',
      concurrency: 4,
      fuzzRuns: 200,
      ...(runs('python3', ['--version']) ? {} : { missing: 'python3 is not installed' }),
    },
    {
      name: 'Java (Java SDK adapter)',
      command:
        'java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar examples/sdk/java/target/eck-adapter-java.jar --config recommended',
      concurrency: 2,
      fuzzRuns: 100,
      ...(existsSync(jar)
        ? {}
        : { missing: 'the adapter is not built (cd examples/sdk/java && mvn -q -B package)' }),
    },
  ]
}

function client(subject: Subject, protocol: 1 | 2): ConformanceClient {
  return commandConformanceClient(
    protocol === 2 ? `${subject.command} --protocol 2` : subject.command,
    { protocol, cwd: packageRoot(), env: { PATH: process.env.PATH } },
  )
}

/** One `eck check` of the whole catalog: wall time (s), verdict, and what failed a must rule. */
async function checkOnce(
  subject: Subject,
  protocol: 1 | 2,
): Promise<{ seconds: number; verdict: string; failed?: string }> {
  const under = client(subject, protocol)
  try {
    const started = performance.now()
    const report = await runConformance(under, { concurrency: subject.concurrency })
    const failed = report.scenarios.flatMap((scenario) =>
      scenario.findings
        .filter((finding) => !finding.passed && ruleInfo(finding.check).severity === 'must')
        .map((finding) => `${scenario.id} ${finding.check}: ${finding.message.slice(0, 160)}`),
    )
    return {
      seconds: (performance.now() - started) / 1000,
      verdict: report.verdict,
      ...(failed.length === 0 ? {} : { failed: failed.join('; ') }),
    }
  } finally {
    await under.close?.()
  }
}

/** One `eck fuzz --no-faults` (processes started inside the measurement): calls per second. */
async function fuzzOnce(
  under: ConformanceClient,
  runCount: number,
  seed: number,
  workers = WORKERS,
): Promise<{ rate: number; verdict: string; failed?: string }> {
  try {
    const report = await runFuzz(under, {
      runs: runCount,
      seed,
      workers,
      cases: { noFaults: true },
    })
    const failed = report.failures.flatMap((failure) =>
      failure.violations.map(
        (violation) => `${violation.invariant}: ${violation.message.slice(0, 160)}`,
      ),
    )
    return {
      rate: (report.calls * 1000) / report.durationMs,
      verdict: report.verdict,
      ...(failed.length === 0 ? {} : { failed: failed.join('; ') }),
    }
  } finally {
    await under.close?.()
  }
}

function cells(values: readonly number[], digits: number): string {
  return `${median(values).toFixed(digits)} (${values.map((value) => value.toFixed(digits)).join(', ')})`
}

/**
 * Runs the protocol benchmark.
 * @returns Markdown lines.
 */
export async function benchProtocol(): Promise<string[]> {
  const lines = [
    '## Client protocol v2 (`npm run bench -- protocol`)',
    '',
    `v1 (a process per call) against v2 (one process, many calls; one call per process, so a process per scenario or worker in flight), measured in one process in ${ROUNDS} alternating rounds (v1 first in odd rounds, v2 first in even ones); median and each round. \`eck check\`: the whole 2025-12 catalog (\`runConformance\`); \`eck fuzz\`: \`runFuzz\` with \`--no-faults\`, model runs included, the processes started inside the measurement. Scenarios at once and fuzz workers: the concurrency the SDK matrix runs each client at (2 for Java, as its adapter.json says; 4 otherwise).`,
    '',
    '| client | eck check v1 (s) | eck check v2 (s) | v1/v2 | eck fuzz v1 (calls/s) | eck fuzz v2 (calls/s) | v2/v1 | verdicts |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ]
  const skipped: string[] = []
  const failures: string[] = []
  for (const subject of subjects()) {
    if (subject.missing !== undefined) {
      skipped.push(`${subject.name}: not measured, ${subject.missing}.`)
      continue
    }
    const check = { 1: [] as number[], 2: [] as number[] }
    const fuzz = { 1: [] as number[], 2: [] as number[] }
    const verdicts = new Set<string>()
    for (let round = 0; round < ROUNDS; round++) {
      const order: (1 | 2)[] = round % 2 === 0 ? [1, 2] : [2, 1]
      for (const protocol of order) {
        console.error(`[bench] protocol: ${subject.name} v${protocol} round ${round + 1}…`)
        const checked = await checkOnce(subject, protocol)
        check[protocol].push(checked.seconds)
        verdicts.add(`check v${protocol} ${checked.verdict}`)
        if (checked.failed !== undefined)
          failures.push(
            `${subject.name}, eck check v${protocol}, round ${round + 1}: ${checked.failed}`,
          )
        const fuzzed = await fuzzOnce(
          client(subject, protocol),
          subject.fuzzRuns,
          round + 1,
          subject.concurrency,
        )
        fuzz[protocol].push(fuzzed.rate)
        verdicts.add(`fuzz v${protocol} ${fuzzed.verdict}`)
        if (fuzzed.failed !== undefined)
          failures.push(
            `${subject.name}, eck fuzz v${protocol}, round ${round + 1}: ${fuzzed.failed}`,
          )
      }
    }
    lines.push(
      `| ${subject.name}, concurrency ${subject.concurrency}, ${subject.fuzzRuns} fuzz runs | ${cells(check[1], 1)} | ${cells(check[2], 1)} | ${(median(check[1]) / median(check[2])).toFixed(1)}× | ${cells(fuzz[1], 1)} | ${cells(fuzz[2], 0)} | ${(median(fuzz[2]) / median(fuzz[1])).toFixed(0)}× | ${[...verdicts].sort().join(', ')} |`,
    )
  }
  if (failures.length > 0)
    lines.push('', 'What failed:', '', ...failures.map((failure) => `- ${failure}`))
  if (skipped.length > 0) lines.push('', ...skipped)
  lines.push(...(await goal()))
  return lines
}

/** The goal of issue #15: the Python example over v2 against the JS SDK in-process, alternating rounds. */
async function goal(): Promise<string[]> {
  if (!runs('python3', ['--version']))
    return ['', 'python3 is not installed: the v2 goal was not measured.']
  const sdk = (): ConformanceClient =>
    moduleConformanceClient('aws-sdk', createAwsSdkClient('aws-sdk'))
  const python = (): ConformanceClient =>
    client(
      {
        name: 'python',
        command: 'python3 examples/python-client.py',
        concurrency: 4,
        fuzzRuns: GOAL_RUNS,
      },
      2,
    )
  // Warm up both paths (the SDK's modules, the JIT), then alternate.
  await fuzzOnce(sdk(), 200, 99)
  await fuzzOnce(python(), 200, 99)
  const rounds: { sdk: number; python: number }[] = []
  for (let round = 0; round < GOAL_ROUNDS; round++) {
    console.error(`[bench] protocol: goal round ${round + 1}…`)
    const sdkFirst = round % 2 === 0
    const first = await fuzzOnce(sdkFirst ? sdk() : python(), GOAL_RUNS, round + 1)
    const second = await fuzzOnce(sdkFirst ? python() : sdk(), GOAL_RUNS, round + 1)
    rounds.push(
      sdkFirst
        ? { sdk: first.rate, python: second.rate }
        : { sdk: second.rate, python: first.rate },
    )
  }
  const ratios = rounds.map((round) => round.python / round.sdk)
  const worst = Math.min(...ratios)
  const holds = median(ratios) >= 1 / 3 && worst >= 1 / 3
  return [
    '',
    `The goal: \`eck fuzz --command "python3 examples/python-client.py --protocol 2" --protocol 2 --no-faults\` against \`eck fuzz --client aws-sdk --no-faults\` (in-process), ${GOAL_RUNS} runs each (model runs included), ${WORKERS} workers, ${GOAL_ROUNDS} alternating rounds after a warm-up of both:`,
    '',
    '| round | first | JS SDK in-process (calls/s) | Python example over v2 (calls/s) | ratio |',
    '|---:|---|---:|---:|---:|',
    ...rounds.map(
      (round, i) =>
        `| ${i + 1} | ${i % 2 === 0 ? 'SDK' : 'Python'} | ${round.sdk.toFixed(0)} | ${round.python.toFixed(0)} | ${(round.python / round.sdk).toFixed(2)} |`,
    ),
    '',
    `Ratio: median ${median(ratios).toFixed(2)}, worst ${worst.toFixed(2)}, spread ${(Math.max(...ratios) - worst).toFixed(2)}; goal at least 0.33 on the median and the worst round: **${holds ? 'met' : 'not met'}**.`,
  ]
}
