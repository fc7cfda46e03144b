import { describe, expect, it } from 'vitest'
import { hasPython } from '../helpers/has-python.js'
import { commandConformanceClient } from '../../src/judge/conformance-client.js'
import { runConformance } from '../../src/harness/run-conformance.js'

const python = hasPython()
if (!python)
  console.warn(
    'python3 is not installed: the protocol v1 example (examples/python-client.py) is not run here',
  )

/** The scenarios where a client that signs with its own clock (as botocore does) fails `corrects-clock` (a should). */
const CLOCK = ['front-door.clock.ahead', 'front-door.clock.behind']

function expectOnlyClockFailures(report: Awaited<ReturnType<typeof runConformance>>): void {
  const failed = report.scenarios.filter((scenario) => scenario.status === 'failed')
  expect(failed.map((scenario) => scenario.id)).toEqual(CLOCK)
  for (const scenario of failed)
    expect(scenario.findings.filter((f) => !f.passed).map((f) => f.check)).toEqual([
      'corrects-clock',
    ])
  expect(report.summary.mustFailures).toBe(0)
  expect(report.verdict).toBe('pass')
  expect(report.summary.skipped).toBe(2)
  expect(report.summary.passed).toBe(report.scenarios.length - 2 - CLOCK.length)
}

describe.runIf(python)('the protocol v1 and v2 example in Python (no SDK)', () => {
  it(
    'passes every must and should check of the whole catalog but clock correction (it signs with its own clock, as botocore does)',
    { timeout: 120_000 },
    async () => {
      const report = await runConformance(
        commandConformanceClient('python3 examples/python-client.py', {
          env: { PATH: process.env.PATH },
        }),
        { concurrency: 4 },
      )
      expectOnlyClockFailures(report)
    },
  )

  it('passes the same checks over protocol v2', { timeout: 120_000 }, async () => {
    // Arrange
    const client = commandConformanceClient('python3 examples/python-client.py --protocol 2', {
      protocol: 2,
      env: { PATH: process.env.PATH },
    })
    // Act
    const report = await runConformance(client, { concurrency: 4 }).finally(() => client.close?.())
    // Assert
    expectOnlyClockFailures(report)
  })
})
