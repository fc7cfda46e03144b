import { describe, expect, it } from 'vitest'
import { hasPython } from '../helpers/has-python.js'
import { commandConformanceClient } from '../../src/judge/conformance-client.js'
import { runConformance } from '../../src/harness/run-conformance.js'

const python = hasPython()
if (!python)
  console.warn(
    'python3 is not installed: the protocol v1 example (examples/python-client.py) is not run here',
  )

describe.runIf(python)('the protocol v1 and v2 example in Python (no SDK)', () => {
  it('passes every must and should check of the whole catalog', { timeout: 120_000 }, async () => {
    const report = await runConformance(
      commandConformanceClient('python3 examples/python-client.py', {
        env: { PATH: process.env.PATH },
      }),
      { concurrency: 4 },
    )
    const failures = report.scenarios
      .filter((scenario) => scenario.status === 'failed')
      .map((scenario) => [
        scenario.id,
        scenario.findings.filter((f) => !f.passed).map((f) => f.message),
      ])
    expect(failures).toEqual([])
    expect(report.verdict).toBe('pass')
    expect(report.summary.skipped).toBe(2)
    expect(report.summary.passed).toBe(report.scenarios.length - 2)
  })

  it('passes every check over protocol v2 too', { timeout: 120_000 }, async () => {
    // Arrange
    const client = commandConformanceClient('python3 examples/python-client.py --protocol 2', {
      protocol: 2,
      env: { PATH: process.env.PATH },
    })
    // Act
    const report = await runConformance(client, { concurrency: 4 }).finally(() => client.close?.())
    // Assert
    const failures = report.scenarios
      .filter((scenario) => scenario.status === 'failed')
      .map((scenario) => [
        scenario.id,
        scenario.findings.filter((f) => !f.passed).map((f) => f.message),
      ])
    expect(failures).toEqual([])
    expect(report.verdict).toBe('pass')
    expect(report.summary.passed).toBe(report.scenarios.length - 2)
  })
})
