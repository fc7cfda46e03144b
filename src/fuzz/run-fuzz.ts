/**
 * The fuzzer: random inputs and random server behaviour against a client, checked by the oracle, with
 * failures shrunk by fast-check to the smallest input and fault schedule. Work is split over workers
 * (each a fast-check run with a seed of its own) and over CI shards.
 */
import fc from 'fast-check'
import type { ConformanceClient } from '../judge/conformance-client.js'
import { executeCall, startConformanceServer } from '../judge/execute-call.js'
import type { CallRun } from '../judge/call-run.js'
import { UsageError } from '../internal/toolkit-error.js'
import type { MockServer } from '../mock/server.js'
import { resolveRevision } from '../model/revisions.js'
import { checkFuzzRun, failsFuzzRun, type Violation } from './check-fuzz-run.js'
import { CoverageTally } from './fuzz-coverage.js'
import { readCorpus, saveCorpusCase } from './fuzz-corpus.js'
import { fuzzCase, scenarioOfCase, type FuzzCase, type FuzzCaseConstraints } from './fuzz-case.js'
import type { FuzzFailure, FuzzReport, FuzzWarning } from './fuzz-report.js'
import { runModelFuzz } from './model-fuzz.js'

/** Progress of a fuzz run. */
export interface FuzzProgress {
  readonly runs: number
  readonly total: number
  readonly failures: number
  readonly calls: number
  readonly elapsedMs: number
}

/** Options of {@link runFuzz}. */
export interface RunFuzzOptions {
  /** @defaultValue '2025-12' */
  readonly revision?: string
  /** Runs for this shard (split over the workers). @defaultValue 200 */
  readonly runs?: number
  /** Base seed. @defaultValue drawn at random (and reported) */
  readonly seed?: number
  /** This shard and the number of shards, e.g. `{ index: 2, count: 4 }`. @defaultValue 1 of 1 */
  readonly shard?: { readonly index: number; readonly count: number }
  /** Workers: fast-check runs at once, each with its own seed. @defaultValue 8 */
  readonly workers?: number
  /** Stop starting runs after this long (ms); what ran is reported. @defaultValue none */
  readonly timeLimitMs?: number
  /** Per call: past this the call is a hang. @defaultValue 10000 */
  readonly deadlineMs?: number
  /** Re-run exactly one case: `<seed>:<path>` from a report; no other runs. */
  readonly replay?: string
  /** Saved failing cases: re-run first, and new failures saved here. */
  readonly corpus?: string
  /** Model-based runs (command sequences). @defaultValue runs / 20, at least 5 (0 with replay) */
  readonly modelRuns?: number
  /** The case arbitrary's constraints (schedule length, invalid share, slow faults, no faults). */
  readonly cases?: FuzzCaseConstraints
  /** A running conformance server; otherwise one is started and stopped. */
  readonly server?: MockServer
  readonly onProgress?: (progress: FuzzProgress) => void
  /** Stops the run early; what ran is reported. */
  readonly signal?: AbortSignal
  /** Keep fuzzing after the first failure (other workers go on to their own). @defaultValue false */
  readonly keepGoing?: boolean
  /** A broken should rule fails a run too (otherwise it is a warning). @defaultValue false */
  readonly strict?: boolean
  /** A failure that does not come back on its re-run does not fail the verdict (it is still reported). @defaultValue false */
  readonly allowFlaky?: boolean
  readonly tool?: { readonly name: string; readonly version: string }
}

/** Runs per fast-check run of a worker; stops are seen between chunks. */
const CHUNK_RUNS = 50

interface Worker {
  readonly seed: number
  readonly runs: number
  readonly path?: string
}

/**
 * Reads `<seed>:<path>` (a fuzz case) or `model:<seed>:<path>` (a command sequence).
 * @param text e.g. `-1234:17:0:3`.
 * @returns Which runner, the seed and the path.
 * @throws UsageError on another form.
 */
export function parseReplay(text: string): { kind: 'case' | 'model'; seed: number; path: string } {
  const match = /^(model:)?(-?\d+):(\d+(?::\d+)*)$/.exec(text.trim())
  const seed = Number(match?.[2])
  if (match === null || !Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 31) {
    throw new UsageError(
      `--replay needs <seed>:<path> (or model:<seed>:<path>) as a failure report prints it, e.g. 1234:17:0:3; got ${JSON.stringify(text)}.`,
    )
  }
  return { kind: match[1] === undefined ? 'case' : 'model', seed, path: match[3] ?? '' }
}

/**
 * The seed of worker `w` of shard `shard` for a base seed: a hash, so that neighbouring base seeds (a
 * nightly `--seed $RUN_NUMBER`) share no worker, and shards of one base seed never meet.
 * @param seed The base seed.
 * @param shard The shard (1-based).
 * @param worker The worker (0-based).
 * @returns A 31-bit seed (never negative, so `--replay` pastes as it is).
 */
export function mixSeed(seed: number, shard: number, worker: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13) ^ Math.imul(shard, 0xc2b2ae35), 0x27d4eb2f)
  h = Math.imul(h ^ (h >>> 15) ^ Math.imul(worker + 1, 0x165667b1), 0x9e3779b1)
  return (h ^ (h >>> 16)) >>> 1
}

// Fewer scripted attempts first, then less JSON.
function sizeOf(failure: FuzzFailure): number {
  return (failure.case?.steps.length ?? 0) * 1_000_000 + JSON.stringify(failure.case ?? {}).length
}

function check(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(
      `${name} must be a whole number from ${min} to ${max}, got ${String(value)}.`,
    )
}

/**
 * Fuzzes a client.
 * @param client The client under test (the harness's clients).
 * @param options Runs, seed, shard, workers, limits, replay, corpus.
 * @returns The report; its verdict is `fail` when any invariant broke.
 * @throws UsageError on bad options or an unreadable corpus.
 */
export async function runFuzz(
  client: ConformanceClient,
  options: RunFuzzOptions = {},
): Promise<FuzzReport> {
  const revision = resolveRevision(options.revision)
  const runs = options.runs ?? 200
  const workersWanted = options.workers ?? 8
  const shard = options.shard ?? { index: 1, count: 1 }
  const deadlineMs = options.deadlineMs ?? 10_000
  check('runs', runs, 1, 10_000_000)
  check('workers', workersWanted, 1, 256)
  check('shard count', shard.count, 1, 10_000)
  check('shard index', shard.index, 1, shard.count)
  const replay = options.replay === undefined ? undefined : parseReplay(options.replay)
  const seed = replay?.seed ?? options.seed ?? Math.floor(Math.random() * 2 ** 31) | 0
  const modelRuns =
    replay !== undefined
      ? replay.kind === 'model'
        ? 1
        : 0
      : (options.modelRuns ?? Math.max(5, Math.floor(runs / 20)))
  const corpusEntries =
    options.corpus === undefined || replay !== undefined ? [] : readCorpus(options.corpus)
  const server = options.server ?? (await startConformanceServer(revision.id))
  const runId = `f${Math.random().toString(36).slice(2, 8)}`
  const tally = new CoverageTally()
  const failures: FuzzFailure[] = []
  const warnings = new Map<string, FuzzWarning>()
  const strict = options.strict === true
  const started = performance.now()
  let calls = 0
  let done = 0
  let interrupted = false
  // Runs done (over all workers) when the first failure was seen: the others stop starting runs then.
  let foundAt: number | undefined
  const stopAt =
    options.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : started + options.timeLimitMs
  const stopped = (): boolean => options.signal?.aborted === true || performance.now() >= stopAt
  const report = (): void =>
    options.onProgress?.({
      runs: done,
      total: runs,
      failures: failures.length,
      calls,
      elapsedMs: performance.now() - started,
    })

  const execute = async (
    fuzz: FuzzCase,
    id: string,
    /** The random run's place in the whole run (1-based), when this is one. */
    place?: number,
  ): Promise<{ run: CallRun; violations: Violation[] }> => {
    calls++
    const run = await executeCall(scenarioOfCase(fuzz, id), client, server, {
      revision: revision.id,
      deadlineMs,
      runId,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })
    tally.add(fuzz, run.outcome)
    const violations = checkFuzzRun(run)
    // A broken should rule is a warning, not a failure (unless strict): remember one example per rule.
    for (const violation of violations) {
      if (violation.severity !== 'should') continue
      const warning = warnings.get(violation.invariant)
      const firstRun =
        place === undefined || (warning?.firstRun !== undefined && warning.firstRun <= place)
          ? warning?.firstRun
          : place
      warnings.set(violation.invariant, {
        rule: violation.invariant,
        runs: (warning?.runs ?? 0) + 1,
        example: warning?.example ?? violation.message,
        ...(firstRun === undefined ? {} : { firstRun }),
      })
    }
    return { run, violations: failsFuzzRun(violations, strict) ? violations : [] }
  }

  try {
    // 1. The corpus: saved failures first.
    let stillFailing = 0
    for (const [index, entry] of corpusEntries.entries()) {
      if (stopped()) break
      const { run, violations } = await execute(entry.case, `corpus.${index}`)
      if (options.signal?.aborted === true) break
      if (violations.length > 0) {
        stillFailing++
        failures.push({
          source: 'corpus',
          case: entry.case,
          violations,
          outcome: run.outcome,
          journal: run.journal,
          savedTo: entry.file,
        })
      }
    }
    // 2. Random runs, split over workers with seeds of their own.
    const workers: Worker[] =
      replay?.kind === 'model'
        ? []
        : replay !== undefined
          ? [{ seed: replay.seed, runs: 1, path: replay.path }]
          : Array.from({ length: Math.min(workersWanted, runs) }, (_, w) => ({
              seed: mixSeed(seed, shard.index, w),
              runs:
                Math.floor(runs / Math.min(workersWanted, runs)) +
                (w < runs % Math.min(workersWanted, runs) ? 1 : 0),
            }))
    const arbitrary = fuzzCase(revision, options.cases)
    let saved = 0
    await Promise.all(
      workers.map(async (worker, w) => {
        const failing = new WeakMap<object, { run: CallRun; violations: Violation[] }>()
        let n = 0
        let firstFailureAt: number | undefined
        let counted = 0
        const property = fc.asyncProperty(arbitrary, async (fuzz) => {
          const mainRun = firstFailureAt === undefined
          if (mainRun && (stopped() || (foundAt !== undefined && options.keepGoing !== true))) {
            interrupted ||= stopped()
            return true
          }
          const index = done
          if (mainRun) {
            counted++
            done++
            if (done % 25 === 0) report()
          }
          const result = await execute(fuzz, `fuzz.w${w}.${n++}`, mainRun ? index + 1 : undefined)
          if (result.violations.length === 0) return true
          if (mainRun) {
            firstFailureAt = counted
            // The failing run's place in the whole run (slow runs finish after later ones started).
            foundAt = Math.min(foundAt ?? Number.POSITIVE_INFINITY, index + 1)
          }
          failing.set(fuzz, result)
          return false
        })
        // Chunks of runs, so that a stop (time limit, Ctrl-C, a failure found elsewhere) ends the worker
        // between chunks instead of drawing its remaining cases. Chunk c uses its own seed; the first is
        // the worker's, and a report's `seed:path` names the chunk that failed.
        let details: Awaited<ReturnType<typeof fc.check<[FuzzCase]>>> | undefined
        for (let chunk = 0, left = worker.runs; left > 0; chunk++) {
          const halt = stopped() || (foundAt !== undefined && options.keepGoing !== true)
          if (halt) {
            interrupted ||= stopped()
            break
          }
          const numRuns = worker.path === undefined ? Math.min(CHUNK_RUNS, left) : 1
          left -= numRuns
          details = await fc.check(property, {
            seed: chunk === 0 ? worker.seed : mixSeed(worker.seed, 0, chunk),
            numRuns,
            ...(worker.path === undefined ? {} : { path: worker.path, endOnFailure: true }),
          })
          if (details.failed) break
        }
        if (details === undefined) return
        if (!details.failed || details.counterexample === null) return
        const [counterexample] = details.counterexample
        const again =
          failing.get(counterexample) ?? (await execute(counterexample, `fuzz.w${w}.replay`))
        // The shrunk case runs once more: a failure that does not come back is flaky, and still reported
        // with both runs' journals (a timing bug is still a bug).
        const rerun = await execute(counterexample, `fuzz.w${w}.rerun`)
        const first = again.violations.length > 0 ? again : rerun
        const flaky = again.violations.length === 0 || rerun.violations.length === 0
        if (first.violations.length === 0) return
        const failure: FuzzFailure = {
          source: 'fuzz',
          replay: `${details.seed}:${details.counterexamplePath}`,
          ...(foundAt === undefined ? {} : { runsToFind: foundAt }),
          shrinks: details.numShrinks,
          case: counterexample,
          violations: first.violations,
          outcome: first.run.outcome,
          journal: first.run.journal,
          ...(flaky
            ? { flaky: true, rerun: { outcome: rerun.run.outcome, journal: rerun.run.journal } }
            : {}),
        }
        failures.push(failure)
      }),
    )
    // Workers that fail at the same time report the same defect: keep the smallest case per set of invariants.
    const smallest = new Map<string, FuzzFailure>()
    for (const failure of failures.filter((candidate) => candidate.source === 'fuzz')) {
      const key = failure.violations
        .map((violation) => violation.invariant)
        .sort()
        .join('+')
      const kept = smallest.get(key)
      if (kept === undefined || sizeOf(failure) < sizeOf(kept)) smallest.set(key, failure)
    }
    const others = failures.filter((candidate) => candidate.source !== 'fuzz')
    const kept = [...smallest.values()].map((failure): FuzzFailure => {
      if (options.corpus === undefined || failure.case === undefined) return failure
      saved++
      return {
        ...failure,
        savedTo: saveCorpusCase(options.corpus, failure.case, {
          client: client.name,
          revision: revision.id,
          replay: failure.replay,
          violations: failure.violations,
        }),
      }
    })
    failures.splice(0, failures.length, ...others, ...kept)
    // 3. Model-based runs: sequences of calls against one simulator, checked against a model of the tasks.
    let modelRan = 0
    if (modelRuns > 0 && !stopped()) {
      const model = await runModelFuzz(client, server, {
        revision: revision.id,
        runs: modelRuns,
        seed:
          replay?.kind === 'model'
            ? replay.seed
            : ((seed + (shard.index - 1) * 104_729) ^ 0x5eed) | 0,
        deadlineMs,
        runId,
        stopped,
        ...(replay?.kind === 'model' ? { path: replay.path } : {}),
      })
      calls += model.calls
      modelRan = model.runs
      if (model.failure !== undefined) failures.push(model.failure)
    }
    report()
    return {
      tool: options.tool ?? { name: 'engagement-contract-kit', version: '0.0.0' },
      client: client.name,
      revision: revision.id,
      seed,
      shard,
      workers: workers.length,
      workerSeeds: workers.map((worker) => worker.seed),
      runs: replay !== undefined ? (replay.kind === 'case' ? 1 : 0) : runs,
      judged: done,
      calls,
      modelRuns: modelRan,
      durationMs: Math.round(performance.now() - started),
      interrupted,
      ...(options.corpus === undefined
        ? {}
        : {
            corpus: { directory: options.corpus, rerun: corpusEntries.length, stillFailing, saved },
          }),
      coverage: tally.snapshot(),
      failures,
      // No verdict without judged runs, nor after a stop (Ctrl-C) before the runs were made.
      warnings: [...warnings.values()],
      verdict:
        options.signal?.aborted === true
          ? 'fail'
          : failures.some((failure) => failure.flaky !== true || options.allowFlaky !== true)
            ? 'fail'
            : done > 0 || replay?.kind === 'model' || modelRan > 0
              ? 'pass'
              : 'no-verdict',
    }
  } finally {
    if (options.server === undefined) await server.close()
  }
}
