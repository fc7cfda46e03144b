import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runConformance } from '../../src/harness/run-conformance.js'
import { workerModuleClient } from '../../src/judge/worker-module-client.js'

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/modules/${name}`, import.meta.url))

describe('workerModuleClient', () => {
  it(
    'stops a client stuck in a synchronous loop at the deadline, reports a hang, and goes on',
    { timeout: 30_000 },
    async () => {
      // Arrange
      const client = workerModuleClient('sync-loop', fixture('sync-loop.mjs'))
      // Act
      const report = await runConformance(client, {
        only: ['success.complete', 'success.in-progress', 'error.ConflictException'],
        deadlineMs: 1500,
        concurrency: 1,
      })
      await client.close()
      // Assert
      const outcomes = Object.fromEntries(
        report.scenarios.map((scenario) => [scenario.id, scenario.outcome?.kind]),
      )
      expect(outcomes).toEqual({
        'success.complete': 'hang',
        'success.in-progress': 'result',
        'error.ConflictException': 'error',
      })
      expect(report.checks.filter((check) => check.failed > 0).map((check) => check.id)).toEqual([
        'answers',
      ])
    },
  )

  it(
    'reports a client that calls process.exit as a crash of its thread, not of eck',
    { timeout: 30_000 },
    async () => {
      const exits = workerModuleClient('exits', fixture('exits.mjs'))
      const report = await runConformance(exits, {
        only: ['success.in-progress'],
        deadlineMs: 3000,
      })
      await exits.close()
      expect(report.scenarios[0]?.outcome?.kind).toBe('crash')
      expect(report.verdict).toBe('fail')
    },
  )
})
