import { describe, expect, it } from 'vitest'
import { createAwsSdkClient } from '../../src/judge/clients/aws-sdk-client.js'
import { moduleConformanceClient } from '../../src/judge/conformance-client.js'
import { runConformance } from '../../src/harness/run-conformance.js'
import { scenarioCatalog } from '../../src/harness/scenarios/catalog.js'

describe('runConformance', () => {
  it(
    'gives every scenario ids of its own, so a client that reports a constant TaskId fails rule result-from-answer',
    { timeout: 30_000 },
    async () => {
      const sdk = createAwsSdkClient('aws-sdk')
      let first: unknown
      const constant = moduleConformanceClient('constant', async (input, context) => {
        const report = await sdk(input, context)
        if ('result' in report) first ??= report.result.TaskId
        return 'result' in report ? { result: { ...report.result, TaskId: first } } : report
      })
      const report = await runConformance(constant, {
        only: ['success.in-progress', 'success.complete', 'success.no-client-token'],
        concurrency: 1,
      })
      expect(report.verdict).toBe('fail')
      expect(report.checks.find((check) => check.id === 'result-from-answer')).toMatchObject({
        passed: 1,
        failed: 2,
      })
    },
  )

  it(
    'fails the SDK as shipped on the should rule patience (no request timeout), and on result-has-task for an empty 200 it passes on as {}',
    { timeout: 30_000 },
    async () => {
      const report = await runConformance(
        moduleConformanceClient('aws-sdk-defaults', createAwsSdkClient('aws-sdk-defaults')),
        { only: ['malformed.empty-200', 'malformed.not-an-object', 'malformed.html-200'] },
      )
      expect(report.checks.filter((check) => check.failed > 0).map((check) => check.id)).toEqual([
        'result-has-task',
      ])
      expect(report.verdict).toBe('fail')
    },
  )

  it(
    'fails the SDK as shipped only on the should rule patience (no request timeout) elsewhere, with the verdict pass',
    { timeout: 30_000 },
    async () => {
      const report = await runConformance(
        moduleConformanceClient('aws-sdk-defaults', createAwsSdkClient('aws-sdk-defaults')),
        { only: ['timeout', 'retry.retry-after', 'error.ConflictException'], deadlineMs: 2500 },
      )
      expect(report.summary).toMatchObject({ mustFailures: 0, shouldFailures: 1 })
      expect(report.verdict).toBe('pass')
      expect(
        report.scenarios.find((scenario) => scenario.id === 'timeout.never-answers')?.outcome,
      ).toEqual({ kind: 'hang', reason: 'no answer within 2500 ms' })
    },
  )

  it(
    'runs the reference revision: its ReasonCodes, 400 for every client error, and the aws-sdk client passes',
    { timeout: 60_000 },
    async () => {
      const reference = scenarioCatalog('reference')
      expect(
        reference.filter((scenario) => scenario.id.startsWith('failed-task.')).length,
      ).toBeLessThan(
        scenarioCatalog().filter((scenario) => scenario.id.startsWith('failed-task.')).length,
      )
      const report = await runConformance(
        moduleConformanceClient('aws-sdk', createAwsSdkClient('aws-sdk')),
        { revision: 'reference', only: ['error', 'failed-task', 'encoding'] },
      )
      expect(report.revision).toBe('reference')
      expect(report.verdict).toBe('pass')
      const throttling = report.scenarios.find(
        (scenario) => scenario.id === 'error.ThrottlingException',
      )
      expect(throttling?.journal.map((entry) => entry.status)).toEqual([400, 400, 400])
    },
  )

  it(
    'stops starting scenarios when aborted, and reports those that ran',
    { timeout: 30_000 },
    async () => {
      const abort = new AbortController()
      const report = await runConformance(
        moduleConformanceClient('aws-sdk', createAwsSdkClient('aws-sdk')),
        {
          only: ['failed-task'],
          concurrency: 1,
          signal: abort.signal,
          onProgress: ({ done }) => {
            if (done === 2) abort.abort()
          },
        },
      )
      expect(report.scenarios).toHaveLength(2)
    },
  )

  it('rejects a bad concurrency or deadline with a usage error', async () => {
    const client = moduleConformanceClient('x', createAwsSdkClient('aws-sdk'))
    await expect(runConformance(client, { concurrency: 0 })).rejects.toThrow(
      /concurrency must be a whole number from 1 to 256/,
    )
    await expect(runConformance(client, { deadlineMs: 5 })).rejects.toThrow(
      /deadline must be from 100 ms to 1 hour/,
    )
  })
})

describe('runConformance verdicts', () => {
  it('gives no verdict when every selected scenario was skipped', { timeout: 30_000 }, async () => {
    const report = await runConformance(
      moduleConformanceClient('aws-sdk', createAwsSdkClient('aws-sdk')),
      { only: ['polling'] },
    )
    expect(report.summary.skipped).toBe(2)
    expect(report.verdict).toBe('no-verdict')
  })

  it('fails a should rule only with strict', { timeout: 30_000 }, async () => {
    const client = moduleConformanceClient(
      'aws-sdk-defaults',
      createAwsSdkClient('aws-sdk-defaults'),
    )
    const lenient = await runConformance(client, { only: ['timeout'], deadlineMs: 1500 })
    const strict = await runConformance(client, {
      only: ['timeout'],
      deadlineMs: 1500,
      strict: true,
    })
    expect([lenient.verdict, strict.verdict]).toEqual(['pass', 'fail'])
  })
})
