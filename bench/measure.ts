/** A tiny, dependency-free throughput meter: warm up, then the median of several timed rounds. */

/** The result of one measured function. */
export interface Measurement {
  readonly name: string
  /** Operations per second (median of the rounds). */
  readonly opsPerSecond: number
  readonly rounds: number
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
  let sink: unknown
  const warmUntil = performance.now() + roundMs
  for (let i = 0; performance.now() < warmUntil; i++) sink = fn(i)
  const rates: number[] = []
  for (let round = 0; round < rounds; round++) {
    let count = 0
    const start = performance.now()
    let now = start
    while (now - start < roundMs) {
      for (let k = 0; k < 256; k++) sink = fn(count++)
      now = performance.now()
    }
    rates.push((count * 1000) / (now - start))
  }
  if (sink === Symbol.for('never')) console.log(sink)
  rates.sort((a, b) => a - b)
  return { name, opsPerSecond: rates[Math.floor(rates.length / 2)] ?? 0, rounds }
}

/**
 * Formats a rate with thousands separators.
 * @param rate Operations per second.
 * @returns e.g. `1,234,567`.
 */
export function formatRate(rate: number): string {
  return Math.round(rate).toLocaleString('en-US')
}
