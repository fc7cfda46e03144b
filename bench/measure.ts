/**
 * A tiny, dependency-free throughput meter, and the alternating rounds every stated ratio is measured in.
 *
 * On a shared, noisy machine two figures taken one after the other are not comparable (the load moves
 * between them, and whichever runs first warms or cools the process for the other). So every benchmark
 * that states a ratio measures all its sides in one process, round after round, in rotating order,
 * computes the ratio within each round, and states the goal on the median round and on the worst one.
 */

/** The result of one measured function. */
export interface Measurement {
  readonly name: string
  /** Operations per second (median of the rounds). */
  readonly opsPerSecond: number
  readonly rounds: number
}

/**
 * Runs `fn` for about `ms` milliseconds and counts.
 * @param fn The work; its return value is kept alive so it is not optimised away.
 * @param ms How long.
 * @returns Calls per second.
 */
function rateFor(fn: (i: number) => unknown, ms: number): number {
  const { count, ms: took } = runFor(fn, ms, 0)
  return (count * 1000) / took
}

/**
 * Runs `fn` in batches of 256 calls for about `ms` milliseconds.
 * @param fn The work; its return value is kept alive so it is not optimised away.
 * @param ms How long (wall time).
 * @param from The first call's index (so that inputs keep cycling across slices).
 * @returns How many calls, how long they took, and the process's CPU time meanwhile.
 */
function runFor(
  fn: (i: number) => unknown,
  ms: number,
  from: number,
): { count: number; ms: number; cpuMs: number } {
  let sink: unknown
  let i = from
  const cpu = process.cpuUsage()
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    for (let k = 0; k < 256; k++) sink = fn(i++)
    now = performance.now()
  }
  const used = process.cpuUsage(cpu)
  if (sink === Symbol.for('never')) console.log(sink)
  return { count: i - from, ms: now - start, cpuMs: (used.user + used.system) / 1000 }
}

/**
 * Measures how many times per second `fn` runs.
 * @param name A label.
 * @param fn The work; its return value is kept alive so it is not optimised away.
 * @param options Round length and count.
 * @returns The median rate.
 */
export function measure(
  name: string,
  fn: (i: number) => unknown,
  options: { roundMs?: number; rounds?: number } = {},
): Measurement {
  const roundMs = options.roundMs ?? 400
  const rounds = options.rounds ?? 7
  rateFor(fn, roundMs)
  const rates: number[] = []
  for (let round = 0; round < rounds; round++) rates.push(rateFor(fn, roundMs))
  return { name, opsPerSecond: median(rates), rounds }
}

/**
 * The median of some numbers (the upper middle one for an even count).
 * @param values The numbers.
 * @returns The median; NaN for none.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Work done in one slice: how much, and in how many milliseconds. */
export interface Work {
  readonly count: number
  readonly ms: number
}

/** One side of an alternating comparison: a slice of work, measured by the side itself. */
export interface Side {
  readonly name: string
  readonly slice: () => Work | Promise<Work>
}

/** Every side's rate in every round. */
export interface Rounds {
  /** Per side, its rate in each round (round order). */
  readonly rates: Readonly<Record<string, readonly number[]>>
  readonly rounds: number
}

/**
 * Measures several sides in alternating rounds after one unrecorded warm-up round. Each round gives
 * every side `slices` slices of work, taking turns (A B, B A, A B, … so that no side always goes
 * first); a side's rate in the round is its work over its time in that round.
 * @param sides The sides.
 * @param options Recorded rounds, and slices per side in a round.
 * @param log Told after each round (progress for stderr).
 * @returns Every side's rate in every round.
 */
export async function alternateRounds(
  sides: readonly Side[],
  options: { readonly rounds: number; readonly slices: number },
  log?: (line: string) => void,
): Promise<Rounds> {
  const rates: Record<string, number[]> = {}
  for (const side of sides) rates[side.name] = []
  let turn = 0
  for (let round = -1; round < options.rounds; round++) {
    const counts = sides.map(() => 0)
    const times = sides.map(() => 0)
    for (let slice = 0; slice < options.slices; slice++, turn++) {
      for (let k = 0; k < sides.length; k++) {
        const index = (turn + k) % sides.length
        const side = sides[index]
        if (side === undefined) continue
        const work = await side.slice()
        counts[index] = (counts[index] ?? 0) + work.count
        times[index] = (times[index] ?? 0) + work.ms
      }
    }
    if (round < 0) continue
    sides.forEach((side, index) => {
      rates[side.name]?.push(((counts[index] ?? 0) * 1000) / (times[index] ?? Number.NaN))
    })
    log?.(
      `round ${round + 1}/${options.rounds}: ${sides.map((side) => `${side.name} ${formatRate(rates[side.name]?.[round] ?? Number.NaN)}`).join(', ')}`,
    )
  }
  return { rates, rounds: options.rounds }
}

/**
 * The process's CPU time so far, in milliseconds (user and system, every thread).
 * @returns Milliseconds.
 */
export function cpuMs(): number {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/** A synchronous side of {@link alternateSlices}. */
export interface SyncSide {
  readonly name: string
  /** The work; its return value is kept alive so it is not optimised away. */
  readonly fn: (i: number) => unknown
}

/**
 * Measures synchronous functions in alternating rounds, each round cut into short slices that take
 * turns (A B C, B C A, …, `sliceMs` each), so that a change of the machine's load during a round
 * falls on every side alike and the ratio within a round stays meaningful. One unrecorded warm-up
 * round comes first. Rates are calls per second of the process's CPU time (`process.cpuUsage`): on a
 * shared machine the time the process waits for a core would otherwise count against whichever side
 * happened to be running.
 * @param sides The functions.
 * @param options Rounds, the time each side gets per round, and the slice length.
 * @param log Told after each round (progress for stderr).
 * @returns Every side's rate in every round.
 */
export function alternateSlices(
  sides: readonly SyncSide[],
  options: { readonly rounds: number; readonly roundMs: number; readonly sliceMs: number },
  log?: (line: string) => void,
): Rounds {
  const slices = Math.max(1, Math.round(options.roundMs / options.sliceMs))
  const rates: Record<string, number[]> = {}
  for (const side of sides) rates[side.name] = []
  for (let round = -1; round < options.rounds; round++) {
    const counts = sides.map(() => 0)
    const times = sides.map(() => 0)
    for (let slice = 0; slice < slices; slice++) {
      for (let k = 0; k < sides.length; k++) {
        const index = (slice + k) % sides.length
        const side = sides[index]
        if (side === undefined) continue
        const { count, cpuMs } = runFor(side.fn, options.sliceMs, counts[index] ?? 0)
        counts[index] = (counts[index] ?? 0) + count
        times[index] = (times[index] ?? 0) + cpuMs
      }
    }
    if (round < 0) continue
    sides.forEach((side, index) => {
      rates[side.name]?.push(((counts[index] ?? 0) * 1000) / (times[index] ?? Number.NaN))
    })
    log?.(
      `round ${round + 1}/${options.rounds}: ${sides.map((side) => `${side.name} ${formatRate(rates[side.name]?.[round] ?? Number.NaN)}`).join(', ')}`,
    )
  }
  return { rates, rounds: options.rounds }
}

/** A ratio's goal: at least or at most a bound. */
export type Goal = { readonly atLeast: number } | { readonly atMost: number }

/** A ratio of two sides, round by round, against its goal. */
export interface Ratio {
  readonly name: string
  readonly numerator: string
  readonly denominator: string
  readonly goal: Goal
  /** The ratio in each round. */
  readonly rounds: readonly number[]
  readonly median: number
  /** The round furthest from the goal's side (the lowest for atLeast, the highest for atMost). */
  readonly worst: number
  /** The lowest and highest round. */
  readonly spread: readonly [number, number]
  /** Whether the goal holds on the median round and on the worst one. */
  readonly holds: boolean
}

/**
 * The ratio of two sides within each round.
 * @param name A label.
 * @param measured The rounds.
 * @param numerator The side on top.
 * @param denominator The side below.
 * @param goal The goal.
 * @returns Per-round ratios, median, worst round, spread, and whether the goal holds.
 */
export function ratioOf(
  name: string,
  measured: Rounds,
  numerator: string,
  denominator: string,
  goal: Goal,
): Ratio {
  const top = measured.rates[numerator] ?? []
  const bottom = measured.rates[denominator] ?? []
  const rounds = top.map((value, index) => value / (bottom[index] ?? Number.NaN))
  const low = Math.min(...rounds)
  const high = Math.max(...rounds)
  const mid = median(rounds)
  const worst = 'atLeast' in goal ? low : high
  const meets = (value: number): boolean =>
    'atLeast' in goal ? value >= goal.atLeast : value <= goal.atMost
  return {
    name,
    numerator,
    denominator,
    goal,
    rounds,
    median: mid,
    worst,
    spread: [low, high],
    holds: meets(mid) && meets(worst),
  }
}

/**
 * Markdown rows of the rates: the median and every round.
 * @param measured The rounds.
 * @param label The column header of the rates.
 * @returns Table lines.
 */
export function rateRows(measured: Rounds, label: string): string[] {
  const rows = [`| ${label} | median | rounds |`, '|---|---:|---|']
  for (const [name, rates] of Object.entries(measured.rates))
    rows.push(`| ${name} | ${formatRate(median(rates))} | ${rates.map(formatRate).join(', ')} |`)
  return rows
}

/**
 * Markdown rows of ratios: goal, median, worst round, spread, each round, and whether it holds.
 * @param ratios The ratios.
 * @returns Table lines.
 */
export function ratioRows(ratios: readonly Ratio[]): string[] {
  const rows = [
    '| ratio | goal | median | worst round | spread | per round | holds |',
    '|---|---|---:|---:|---|---|---|',
  ]
  for (const ratio of ratios) {
    const goal = 'atLeast' in ratio.goal ? `≥ ${ratio.goal.atLeast}` : `≤ ${ratio.goal.atMost}`
    rows.push(
      `| ${ratio.name} | ${goal} | **${ratio.median.toFixed(2)}** | **${ratio.worst.toFixed(2)}** | ${ratio.spread[0].toFixed(2)}–${ratio.spread[1].toFixed(2)} | ${ratio.rounds.map((value) => value.toFixed(2)).join(', ')} | ${ratio.holds ? 'yes' : '**no**'} |`,
    )
  }
  return rows
}

/**
 * Formats a rate with thousands separators.
 * @param rate Operations per second.
 * @returns e.g. `1,234,567`.
 */
export function formatRate(rate: number): string {
  return Math.round(rate).toLocaleString('en-US')
}
