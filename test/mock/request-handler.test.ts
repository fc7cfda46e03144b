import * as sdk from '@aws-sdk/client-partnercentral-selling'
import {
  ListEngagementByAcceptingInvitationTasksCommand,
  StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling'
import { describe, expect, it } from 'vitest'
import { createSimulator } from '../../src/mock/simulator.js'
import { createRequestHandler } from '../../src/mock/request-handler.js'
import { ERROR_NAMES, ERROR_INFO } from '../../src/model/errors.js'
import { ERROR_ENCODING_NAMES } from '../../src/model/error-encodings.js'
import { validateResponse } from '../../src/validators/validate-response.js'
import { sdkClientFor, type SdkErrorShape } from '../helpers/sdk-client.js'

const input = { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc', ClientToken: 'token-1' }
const start = (i: object = input) => new StartEngagementByAcceptingInvitationTaskCommand(i as never)

describe('the AWS SDK through createRequestHandler', () => {
  it('starts a task: IN_PROGRESS, a valid response, one request', async () => {
    // Arrange
    const simulator = createSimulator()
    // Act
    const output = await sdkClientFor(simulator).send(start())
    // Assert
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(output.TaskId).toMatch(/^task-[0-9a-z]{13}$/)
    expect(output.StartTime).toBeInstanceOf(Date)
    const [wire] = simulator.tasks()
    expect(validateResponse(wire).issues).toEqual([])
    expect(simulator.journal()).toHaveLength(1)
    expect(simulator.journal()[0]?.headers.authorization).toMatch(/Signature=<redacted>$/)
  })

  it.each(ERROR_NAMES.map((name) => [name]))(
    'delivers %s as the SDK class with name, status and members',
    async (name) => {
      const simulator = createSimulator({
        script: {
          operations: {
            StartEngagementByAcceptingInvitationTask: { then: { kind: 'error', name } },
          },
        },
      })
      const error = (await sdkClientFor(simulator, { maxAttempts: 1 })
        .send(start())
        .catch((e: unknown) => e)) as SdkErrorShape
      expect(error).toBeInstanceOf((sdk as unknown as Record<string, new () => unknown>)[name])
      expect(error.name).toBe(name)
      expect(error.$metadata.httpStatusCode).toBe(ERROR_INFO[name].httpStatus)
      if (name === 'ValidationException') {
        expect(error.Reason).toBe('BUSINESS_VALIDATION_FAILED')
        expect(error.ErrorList).toEqual([
          expect.objectContaining({ Code: 'INVALID_RESOURCE_STATE' }) as unknown,
        ])
      }
      if (name === 'AccessDeniedException')
        expect(error.Reason).toBe('INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE')
    },
  )

  it.each(ERROR_ENCODING_NAMES.map((encoding) => [encoding]))(
    'names ConflictException in the %s encoding as the SDK reads it',
    async (encoding) => {
      const simulator = createSimulator({
        script: {
          operations: {
            StartEngagementByAcceptingInvitationTask: {
              then: { kind: 'error', name: 'ConflictException', encoding },
            },
          },
        },
      })
      const error = (await sdkClientFor(simulator, { maxAttempts: 1 })
        .send(start())
        .catch((e: unknown) => e)) as SdkErrorShape
      expect(error).toBeInstanceOf(sdk.ConflictException)
      expect(error.$metadata.httpStatusCode).toBe(409)
    },
  )

  it('serves an SDK whose endpoint has a path, and stamps StartTime with real time by default', async () => {
    const simulator = createSimulator()
    const client = new sdk.PartnerCentralSellingClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1/svc',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
      requestHandler: createRequestHandler(simulator),
    })
    const before = Date.now()
    const output = await client.send(start())
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(output.StartTime?.getTime()).toBeGreaterThanOrEqual(before - 1)
  })

  it('answers an invalid input with ValidationException REQUEST_VALIDATION_FAILED and its ErrorList', async () => {
    const simulator = createSimulator()
    const error = (await sdkClientFor(simulator)
      .send(start({ ...input, Identifier: 'ENGI-0123456789abc' }))
      .catch((e: unknown) => e)) as SdkErrorShape
    expect(error.name).toBe('ValidationException')
    expect(error.Reason).toBe('REQUEST_VALIDATION_FAILED')
    expect(error.ErrorList).toEqual([
      {
        FieldName: 'Identifier',
        Message: expect.any(String) as unknown,
        Code: 'INVALID_STRING_FORMAT',
      },
    ])
    expect(simulator.journal()).toHaveLength(1)
  })

  it('retries 429 and 500 with the same ClientToken and body, then succeeds', async () => {
    // Arrange
    const simulator = createSimulator({
      script: {
        operations: {
          StartEngagementByAcceptingInvitationTask: {
            steps: [
              { kind: 'error', name: 'ThrottlingException' },
              { kind: 'error', name: 'InternalServerException' },
            ],
          },
        },
      },
    })
    // Act
    const output = await sdkClientFor(simulator).send(
      start({ Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' }),
    )
    // Assert
    const bodies = simulator.journal().map((entry) => entry.body)
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(bodies).toHaveLength(3)
    expect(new Set(bodies).size).toBe(1)
    expect((JSON.parse(bodies[0] ?? '{}') as { ClientToken?: string }).ClientToken).toMatch(
      /^[0-9a-f-]{36}$/,
    )
  })

  it('gives SyntaxError for an HTML 502, retried', async () => {
    const simulator = createSimulator({
      script: {
        operations: {
          StartEngagementByAcceptingInvitationTask: { then: { kind: 'http', status: 502 } },
        },
      },
    })
    const error = (await sdkClientFor(simulator)
      .send(start())
      .catch((e: unknown) => e)) as Error
    expect(error.name).toBe('SyntaxError')
    expect(simulator.journal()).toHaveLength(3)
  })

  it('retries an ECONNRESET, and after a lost response replays the same task (one task only)', async () => {
    // Arrange
    const simulator = createSimulator({
      script: {
        operations: {
          StartEngagementByAcceptingInvitationTask: {
            steps: [{ kind: 'reset-before' }, { kind: 'reset-after' }],
          },
        },
      },
    })
    // Act
    const output = await sdkClientFor(simulator).send(start())
    // Assert
    expect(simulator.journal().map((entry) => entry.outcome)).toEqual([
      'reset-before',
      'reset-after',
      'respond',
    ])
    expect(simulator.tasks()).toHaveLength(1)
    expect(output.TaskId).toBe(simulator.tasks()[0]?.TaskId)
  })

  it('polls List to COMPLETE and to FAILED', async () => {
    // Arrange
    const simulator = createSimulator({ pollsInProgress: 1 })
    const client = sdkClientFor(simulator)
    const ok = await client.send(start())
    const failed = await client.send(
      start({ Catalog: 'Sandbox', Identifier: 'engi-expired000001', ClientToken: 'token-2' }),
    )
    const poll = (taskId: string) =>
      client.send(
        new ListEngagementByAcceptingInvitationTasksCommand({
          Catalog: 'Sandbox',
          TaskIdentifier: [taskId],
        }),
      )
    // Act
    const first = await poll(ok.TaskId ?? '')
    const second = await poll(ok.TaskId ?? '')
    await poll(failed.TaskId ?? '')
    const failedEnd = await poll(failed.TaskId ?? '')
    // Assert
    expect(first.TaskSummaries?.[0]?.TaskStatus).toBe('IN_PROGRESS')
    expect(second.TaskSummaries?.[0]).toMatchObject({
      TaskStatus: 'COMPLETE',
      OpportunityId: expect.stringMatching(/^O\d+$/) as unknown,
      ResourceSnapshotJobId: expect.stringMatching(/^job-/) as unknown,
    })
    expect(failedEnd.TaskSummaries?.[0]).toMatchObject({
      TaskStatus: 'FAILED',
      ReasonCode: 'InvitationValidationFailed',
    })
  })

  it('gives up on a server that never answers with the request timeout, retried as transient', async () => {
    const simulator = createSimulator({
      script: {
        operations: { StartEngagementByAcceptingInvitationTask: { then: { kind: 'hang' } } },
      },
    })
    const error = (await sdkClientFor(simulator, { requestTimeoutMs: 50 })
      .send(start())
      .catch((e: unknown) => e)) as Error
    expect(error.name).toBe('TimeoutError')
    expect(simulator.journal()).toHaveLength(3)
  })
})
