/**
 * Generated requests per second: `fc.sample` of `validRequest()` and `invalidRequest()`, as a user's
 * property test or `eck generate` draws them.
 */
import fc from 'fast-check'
import { validRequest } from '../generators/valid-request.js'
import { invalidRequest } from '../generators/invalid-request.js'
import { validResponse } from '../generators/valid-response.js'
import { errorResponse } from '../generators/error-response.js'
import { formatRate, measure } from './measure.js'

const BATCH = 1000

function perValue(name: string, arbitrary: fc.Arbitrary<unknown>): { name: string; rate: number } {
  // measure() counts calls; each call draws a batch, so the rate is multiplied back per value.
  const result = measure(name, (i) => fc.sample(arbitrary, { seed: i, numRuns: BATCH }), {
    roundMs: 1000,
    rounds: 5,
  })
  return { name, rate: result.opsPerSecond * BATCH }
}

/**
 * Runs the generator benchmark.
 * @returns Markdown table rows.
 */
export function benchGenerators(): string[] {
  const rows = [
    perValue('validRequest() (2025-12)', validRequest()),
    perValue("validRequest({ revision: 'reference' })", validRequest({ revision: 'reference' })),
    perValue('invalidRequest() (2025-12)', invalidRequest()),
    perValue('validResponse()', validResponse()),
    perValue('errorResponse()', errorResponse()),
  ]
  return [
    '| generated values | per second |',
    '|---|---:|',
    ...rows.map((row) => `| ${row.name} | ${formatRate(row.rate)} |`),
  ]
}
