/**
 * The result of a fuzz run as data: what was covered, what failed (shrunk, with its journal and the
 * seed and path that replay it), and the verdict.
 */
import type { ClientOutcome } from '../judge/client-outcome.js'
import type { JournalEntry } from '../mock/journal.js'
import type { Violation } from './check-fuzz-run.js'
import type { FuzzCase } from './fuzz-case.js'

/** One failure, as small as shrinking made it. */
export interface FuzzFailure {
  /** `fuzz` (found by random runs), `corpus` (a saved case that still fails) or `model` (a command sequence). */
  readonly source: 'fuzz' | 'corpus' | 'model'
  /** `eck fuzz --replay <replay>` re-runs exactly this case (fuzz and model failures). */
  readonly replay?: string
  /** How many runs (over all workers) had run when the first failure was found. */
  readonly runsToFind?: number
  /** How many shrink steps made it smaller. */
  readonly shrinks?: number
  /** The fuzz case (fuzz and corpus failures). */
  readonly case?: FuzzCase
  /** The command sequence (model failures). */
  readonly commands?: string
  readonly violations: readonly Violation[]
  readonly outcome?: ClientOutcome
  readonly journal: readonly JournalEntry[]
  /** The failure did not come back when the case ran once more (a timing bug is still a bug). */
  readonly flaky?: true
  /** The re-run of a flaky failure: what the client did the second time. */
  readonly rerun?: { readonly outcome: ClientOutcome; readonly journal: readonly JournalEntry[] }
  /** Where it was saved with `--corpus`. */
  readonly savedTo?: string
}

/** A should rule broken in some runs: reported, not a failure (unless strict). */
export interface FuzzWarning {
  readonly rule: string
  /** Runs that broke it. */
  readonly runs: number
  /** The first finding's text. */
  readonly example: string
  /**
   * The first random run that broke it, counted as `runsToFind` is (1-based, over all workers): a warning
   * does not stop the fuzzer, so this says how soon it came. Absent when only corpus runs broke it.
   */
  readonly firstRun?: number
}

/** Counts of what the runs exercised. */
export interface FuzzCoverage {
  readonly faultKinds: Readonly<Record<string, number>>
  readonly errors: Readonly<Record<string, number>>
  readonly reasonCodes: Readonly<Record<string, number>>
  readonly invalidRules: Readonly<Record<string, number>>
  readonly outcomes: Readonly<Record<string, number>>
}

/** A whole fuzz run. */
export interface FuzzReport {
  readonly tool: { readonly name: string; readonly version: string }
  readonly client: string
  readonly revision: string
  /** The base seed; worker `w` of shard `i` uses `seed + (i - 1) * workers + w`. */
  readonly seed: number
  readonly shard: { readonly index: number; readonly count: number }
  readonly workers: number
  /** The seed of each worker (disjoint across shards of one base seed). */
  readonly workerSeeds: readonly number[]
  /** Runs asked for this shard. */
  readonly runs: number
  /** Random runs actually made and judged (a time limit or a stop can end a shard early). */
  readonly judged: number
  /** Client calls made (runs, shrink steps, corpus and model calls). */
  readonly calls: number
  readonly modelRuns: number
  readonly durationMs: number
  /** True when the time limit ended the run early. */
  readonly interrupted: boolean
  readonly corpus?: {
    readonly directory: string
    readonly rerun: number
    readonly stillFailing: number
    readonly saved: number
  }
  readonly coverage: FuzzCoverage
  readonly failures: readonly FuzzFailure[]
  /** Should rules broken in some runs. */
  readonly warnings: readonly FuzzWarning[]
  /** `no-verdict` when nothing was judged. */
  readonly verdict: 'pass' | 'fail' | 'no-verdict'
}
