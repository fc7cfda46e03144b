import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAwsSdkClient } from '../../src/judge/clients/aws-sdk-client.js'
import {
  commandConformanceClient,
  moduleConformanceClient,
} from '../../src/judge/conformance-client.js'
import { packageRoot } from '../../src/internal/package-root.js'
import {
  describeConformance,
  explainScenarioFailure,
} from '../../src/harness/describe-conformance.js'
import { runScenario } from '../../src/harness/run-conformance.js'
import { startConformanceServer } from '../../src/judge/execute-call.js'
import { scenarioCatalog } from '../../src/harness/scenarios/catalog.js'
import type { MockServer } from '../../src/mock/server.js'

// The helper as a user calls it: one test per scenario (the fast ones here; the whole catalog runs in run-conformance.test.ts).
describeConformance('the bundled aws-sdk client', createAwsSdkClient('aws-sdk'), {
  only: ['success', 'failed-task', 'encoding'],
})

// A command over protocol v2: its processes are started on the first test and closed after the block.
describeConformance(
  'the protocol v2 fixture runner',
  commandConformanceClient(`"${process.execPath}" test/fixtures/clients/protocol-v2.mjs`, {
    protocol: 2,
    env: process.env,
    cwd: packageRoot(),
  }),
  { only: ['success', 'error.ConflictException', 'retry.500-json.once'] },
)

describe('explainScenarioFailure', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startConformanceServer('2025-12')
  })
  afterAll(async () => {
    await server.close()
  })

  it('names the failed rule, what the client did, the outcome and the journal', async () => {
    const scenario =
      scenarioCatalog().find((candidate) => candidate.id === 'failed-task.SomeFutureReasonCode') ??
      expect.unreachable('the catalog has failed-task.SomeFutureReasonCode')
    const sdk = createAwsSdkClient('aws-sdk')
    // Calls the service, then reports a made-up task.
    const swallows = moduleConformanceClient('swallows', async (input, context) => {
      await sdk(input, context)
      return { result: { TaskStatus: 'IN_PROGRESS', TaskId: 'task-0000000000000' } }
    })
    const report = await runScenario(scenario, swallows, server, {
      revision: '2025-12',
      deadlineMs: 2000,
      runId: 'explain',
    })
    const message = explainScenarioFailure(report)
    expect(message).toContain('Scenario failed-task.SomeFutureReasonCode')
    expect(message).toMatch(
      /rule 7 \(result-from-answer, must\): The client reported TaskId "task-0000000000000" but the service last sent "task-[0-9a-z]{13}"/,
    )
    expect(message).toContain(
      'outcome: result TaskStatus="IN_PROGRESS" TaskId="task-0000000000000"',
    )
    expect(message).toMatch(
      /#1 \S+ POST \/ AWSPartnerCentralSelling\.StartEngagementByAcceptingInvitationTask -> respond 200/,
    )
  })

  it('says nothing for a passing scenario, and counts should rules only when strict', async () => {
    const scenario =
      scenarioCatalog().find((candidate) => candidate.id === 'retry.retry-after') ??
      expect.unreachable('the catalog has retry.retry-after')
    const impatient = moduleConformanceClient('impatient', createAwsSdkClient('aws-sdk'))
    const report = await runScenario(scenario, impatient, server, {
      revision: '2025-12',
      deadlineMs: 5000,
      runId: 'explain',
    })
    expect(explainScenarioFailure(report)).toBeUndefined()
    expect(
      explainScenarioFailure({
        ...report,
        findings: [{ check: 'retry-after', passed: false, message: 'waited 3 ms' }],
      }),
    ).toBeUndefined()
    expect(
      explainScenarioFailure(
        { ...report, findings: [{ check: 'retry-after', passed: false, message: 'waited 3 ms' }] },
        true,
      ),
    ).toContain('rule 19 (retry-after, should): waited 3 ms')
  })
})
