/**
 * Counting what the fuzzer exercised, as fc.statistics would: fault kinds, errors, ReasonCodes, invalid
 * rules and outcomes.
 */
import type { ClientOutcome } from '../judge/client-outcome.js'
import { faultKindOf } from './fault-step.js'
import type { FuzzCase } from './fuzz-case.js'
import type { FuzzCoverage } from './fuzz-report.js'

/** A mutable tally of coverage. */
export class CoverageTally {
  private readonly counts = {
    faultKinds: new Map<string, number>(),
    errors: new Map<string, number>(),
    reasonCodes: new Map<string, number>(),
    invalidRules: new Map<string, number>(),
    outcomes: new Map<string, number>(),
  }

  private bump(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1)
  }

  /**
   * Counts one executed case.
   * @param fuzz The case.
   * @param outcome What the client reported.
   */
  add(fuzz: FuzzCase, outcome: ClientOutcome): void {
    if (fuzz.invalidRule !== undefined) this.bump(this.counts.invalidRules, fuzz.invalidRule)
    // A skewed server clock acts on every attempt of the run, whatever its steps.
    if (fuzz.clockSkewMs !== undefined) this.bump(this.counts.faultKinds, 'skew')
    for (const step of fuzz.then === undefined ? fuzz.steps : [...fuzz.steps, fuzz.then]) {
      this.bump(this.counts.faultKinds, faultKindOf(step))
      if (step.kind === 'error') this.bump(this.counts.errors, step.name)
      if (step.kind === 'task' && step.reasonCode !== undefined)
        this.bump(this.counts.reasonCodes, step.reasonCode)
    }
    this.bump(
      this.counts.outcomes,
      outcome.kind === 'error'
        ? `error ${outcome.name}`
        : outcome.kind === 'result'
          ? `result ${String(outcome.result.TaskStatus)}`
          : outcome.kind,
    )
  }

  /** The counts, keys sorted. */
  snapshot(): FuzzCoverage {
    const sorted = (map: Map<string, number>): Record<string, number> =>
      Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)))
    return {
      faultKinds: sorted(this.counts.faultKinds),
      errors: sorted(this.counts.errors),
      reasonCodes: sorted(this.counts.reasonCodes),
      invalidRules: sorted(this.counts.invalidRules),
      outcomes: sorted(this.counts.outcomes),
    }
  }
}
