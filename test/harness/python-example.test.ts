import { describe, expect, it } from 'vitest'
import { hasPython } from '../helpers/has-python.js'
import { commandConformanceClient } from '../../src/judge/conformance-client.js'
import { runConformance } from '../../src/harness/run-conformance.js'

const python = hasPython()
if (!python)
  console.warn(
    'python3 is not installed: the protocol v1 example (examples/python-client.py) is not run here',
  )

describe.runIf(python)('the protocol v1 example in Python (no SDK)', () => {
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
      const failures = report.scenarios
        .filter((scenario) => scenario.status === 'failed')
        .map((scenario) => [
          scenario.id,
          scenario.findings.filter((f) => !f.passed).map((f) => f.message),
        ])
      expect(failures.map(([id]) => id)).toEqual([
        'front-door.clock.ahead',
        'front-door.clock.behind',
      ])
      for (const scenario of report.scenarios.filter((s) => s.status === 'failed'))
        expect(scenario.findings.filter((f) => !f.passed).map((f) => f.check)).toEqual([
          'corrects-clock',
        ])
      expect(report.summary.mustFailures).toBe(0)
      expect(report.verdict).toBe('pass')
      expect(report.summary.skipped).toBe(2)
      expect(report.summary.passed).toBe(report.scenarios.length - 4)
    },
  )
})
