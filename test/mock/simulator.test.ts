import { describe, expect, it } from 'vitest'
import { createSimulator, type Simulator } from '../../src/mock/simulator.js'
import type { Outcome } from '../../src/mock/wire.js'
import { validateListResponse } from '../../src/validators/validate-list.js'
import { validateResponse } from '../../src/validators/validate-response.js'
import { wireRequest } from '../helpers/wire-request.js'

const START = 'StartEngagementByAcceptingInvitationTask'
const LIST = 'ListEngagementByAcceptingInvitationTasks'
const input = { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc', ClientToken: 'token-1' }

/** The members these tests read from a response body (a missing one fails the test that reads it). */
interface ResponseBody {
  readonly TaskId: string
  readonly TaskSummaries: readonly Readonly<Record<string, string>>[]
  readonly ErrorList: readonly Readonly<Record<string, string>>[]
  readonly NextToken?: string
  readonly [member: string]: unknown
}

function body(outcome: Outcome): ResponseBody {
  if (outcome.kind !== 'respond') throw new Error(`no response: ${outcome.kind}`)
  return JSON.parse(outcome.response.body) as ResponseBody
}
function status(outcome: Outcome): number {
  return outcome.kind === 'respond' ? outcome.response.status : -1
}
const startTask = (simulator: Simulator, i: object = input, caller?: string) =>
  simulator.handle(wireRequest(START, i, caller))
const list = (simulator: Simulator, i: object) => simulator.handle(wireRequest(LIST, i))

describe('createSimulator: Start', () => {
  it('answers a valid request with an IN_PROGRESS task that passes the response contract', async () => {
    const outcome = await startTask(createSimulator())
    expect(status(outcome)).toBe(200)
    expect(body(outcome)).toMatchObject({
      TaskStatus: 'IN_PROGRESS',
      EngagementInvitationId: 'engi-0123456789abc',
    })
    expect(validateResponse(body(outcome)).issues).toEqual([])
  })

  it('finds an invitation by its ARN', async () => {
    const outcome = await startTask(createSimulator(), {
      ...input,
      Identifier:
        'arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement-invitation/engi-0123456789abc',
    })
    expect(body(outcome).EngagementInvitationId).toBe('engi-0123456789abc')
  })

  it.each([
    ['an unknown invitation', { ...input, Identifier: 'engi-zzzzzzzzzzzzz' }],
    ['an invitation of another catalog', { ...input, Catalog: 'AWS' }],
  ])('answers %s with ResourceNotFoundException 404', async (_, request) => {
    const outcome = await startTask(createSimulator(), request)
    expect(status(outcome)).toBe(404)
    expect(body(outcome).__type).toBe(
      'com.amazonaws.partnercentralselling#ResourceNotFoundException',
    )
  })

  it('replays the same task for the same token and parameters, and conflicts on other parameters', async () => {
    // Arrange
    const simulator = createSimulator()
    // Act
    const first = body(await startTask(simulator))
    const replay = body(await startTask(simulator))
    const conflict = await startTask(simulator, { ...input, Identifier: 'engi-0123456789aws' })
    // Assert
    expect(replay.TaskId).toBe(first.TaskId)
    expect(status(conflict)).toBe(409)
    expect(body(conflict).__type).toContain('ConflictException')
    expect(simulator.tasks()).toHaveLength(1)
  })

  it('scopes tokens per caller and catalog', async () => {
    const simulator = createSimulator()
    await startTask(simulator, input, 'AKIDONE')
    await startTask(simulator, input, 'AKIDTWO')
    await startTask(
      simulator,
      { ...input, Catalog: 'AWS', Identifier: 'engi-0123456789aws' },
      'AKIDONE',
    )
    expect(simulator.tasks()).toHaveLength(3)
  })

  it('creates one task for concurrent requests with one token', async () => {
    const simulator = createSimulator()
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => startTask(simulator)))
    expect(new Set(outcomes.map((outcome) => body(outcome).TaskId)).size).toBe(1)
    expect(simulator.tasks()).toHaveLength(1)
  })

  it.each([
    ['engi-expired000001', 'InvitationValidationFailed'],
    ['engi-rejected00001', 'InvitationValidationFailed'],
    ['engi-accepted00001', 'EngagementInvitationConflict'],
  ])('follows the policy: %s ends FAILED with %s', async (Identifier, ReasonCode) => {
    const simulator = createSimulator({ pollsInProgress: 0 })
    const { TaskId } = body(await startTask(simulator, { ...input, Identifier }))
    const summaries = body(
      await list(simulator, { Catalog: 'Sandbox', TaskIdentifier: [TaskId] }),
    ).TaskSummaries
    expect(summaries[0]).toMatchObject({ TaskStatus: 'FAILED', ReasonCode })
  })

  it('fails a second acceptance of one invitation with a new token (EngagementInvitationConflict)', async () => {
    const simulator = createSimulator({ pollsInProgress: 0 })
    await startTask(simulator)
    const { TaskId } = body(await startTask(simulator, { ...input, ClientToken: 'token-2' }))
    const [summary] = body(
      await list(simulator, { Catalog: 'Sandbox', TaskIdentifier: [TaskId] }),
    ).TaskSummaries
    expect(summary).toMatchObject({
      TaskStatus: 'FAILED',
      ReasonCode: 'EngagementInvitationConflict',
    })
    expect(simulator.invitations().find((i) => i.id === 'engi-0123456789abc')?.status).toBe(
      'PENDING',
    )
  })

  it('marks the invitation ACCEPTED when its task completes, on a virtual clock', async () => {
    // Arrange
    // A pinned clock: real time passing under load must not end the task early.
    const simulator = createSimulator({
      completeAfterMs: 60_000,
      pollsInProgress: 1000,
      clockStartMs: Date.UTC(2026, 11, 3),
    })
    const { TaskId } = body(await startTask(simulator))
    // Act
    simulator.advanceClock(59_999)
    const before = simulator.tasks()[0]?.TaskStatus
    simulator.advanceClock(1)
    // Assert
    expect(before).toBe('IN_PROGRESS')
    expect(simulator.tasks()[0]).toMatchObject({ TaskId, TaskStatus: 'COMPLETE' })
    expect(simulator.invitations().find((i) => i.id === 'engi-0123456789abc')?.status).toBe(
      'ACCEPTED',
    )
  })

  it('gives the same ids for the same seed', async () => {
    const ids = async (seed: number) => body(await startTask(createSimulator({ seed }))).TaskId
    expect(await ids(7)).toBe(await ids(7))
    expect(await ids(7)).not.toBe(await ids(8))
  })

  it('uses the reference revision: its ClientToken rule and 400 for every client error', async () => {
    const simulator = createSimulator({ revision: 'reference' })
    expect(
      body(await startTask(simulator, { ...input, ClientToken: 'has space' })).ErrorList[0],
    ).toMatchObject({ FieldName: 'ClientToken', Code: 'INVALID_STRING_FORMAT' })
    expect(status(await startTask(simulator, { ...input, Identifier: 'engi-zzzzzzzzzzzzz' }))).toBe(
      400,
    )
  })
})

describe('createSimulator: List', () => {
  async function seeded(count: number): Promise<Simulator> {
    const simulator = createSimulator({ pollsInProgress: 5 })
    for (let i = 0; i < count; i++) {
      simulator.advanceClock(1000)
      await startTask(simulator, { ...input, ClientToken: `t-${i}` })
    }
    return simulator
  }

  it('pages with MaxResults and NextToken, newest first by default, every page valid', async () => {
    // Arrange
    const simulator = await seeded(7)
    // Act
    const pages: ResponseBody[] = []
    let NextToken: string | undefined
    do {
      const page = body(
        await list(simulator, {
          Catalog: 'Sandbox',
          MaxResults: 3,
          ...(NextToken === undefined ? {} : { NextToken }),
        }),
      )
      pages.push(page)
      NextToken = page.NextToken
    } while (NextToken !== undefined)
    // Assert
    const ids = pages.flatMap((page) => page.TaskSummaries.map((t) => t.TaskId))
    expect(pages.map((page) => page.TaskSummaries.length)).toEqual([3, 3, 1])
    expect(ids).toEqual(
      simulator
        .tasks()
        .map((t) => t.TaskId)
        .reverse(),
    )
    for (const page of pages) expect(validateListResponse(page).issues).toEqual([])
  })

  it('sorts ascending when asked and filters by status and invitation', async () => {
    const simulator = await seeded(3)
    const ascending = body(
      await list(simulator, {
        Catalog: 'Sandbox',
        Sort: { SortOrder: 'ASCENDING', SortBy: 'StartTime' },
      }),
    ).TaskSummaries
    expect(ascending.map((t) => t.TaskId)).toEqual(simulator.tasks().map((t) => t.TaskId))
    expect(
      body(await list(simulator, { Catalog: 'Sandbox', TaskStatus: ['COMPLETE'] })).TaskSummaries,
    ).toEqual([])
    expect(
      body(
        await list(simulator, {
          Catalog: 'Sandbox',
          EngagementInvitationIdentifier: ['engi-0123456789aws'],
        }),
      ).TaskSummaries,
    ).toEqual([])
    expect(body(await list(simulator, { Catalog: 'AWS' })).TaskSummaries).toEqual([])
  })

  it.each([
    [{ Catalog: 'Sandbox', MaxResults: 0 }, 'MaxResults'],
    [{ Catalog: 'Sandbox', MaxResults: 1001 }, 'MaxResults'],
    [{ Catalog: 'Sandbox', NextToken: 'forged' }, 'NextToken'],
    [{ TaskIdentifier: ['task-0123456789abc'] }, 'Catalog'],
  ])('answers %j with a ValidationException on %s', async (request, field) => {
    const outcome = await list(await seeded(1), request)
    expect(status(outcome)).toBe(400)
    expect(body(outcome).ErrorList.map((e) => e.FieldName)).toContain(field)
  })
})

describe('createSimulator: behaviour scripts', () => {
  it('follows steps, then random faults from a seed, the same way twice', async () => {
    // Arrange
    const script = {
      seed: 42,
      operations: {
        [START]: {
          steps: [{ kind: 'error' as const, name: 'ThrottlingException' }],
          random: [{ probability: 0.5, step: { kind: 'http' as const, status: 503 } }],
        },
      },
    }
    const run = async () => {
      const simulator = createSimulator({ script })
      const statuses: number[] = []
      for (let i = 0; i < 12; i++) statuses.push(status(await startTask(simulator)))
      return statuses
    }
    // Act
    const first = await run()
    // Assert
    expect(first[0]).toBe(429)
    expect(first.slice(1)).toContain(503)
    expect(first.slice(1)).toContain(200)
    expect(await run()).toEqual(first)
  })

  it('answers a FAILED task with any ReasonCode, unknown future ones included', async () => {
    const simulator = createSimulator({
      script: {
        operations: {
          [START]: {
            then: { kind: 'task', status: 'FAILED', reasonCode: 'SomethingNew', message: 'm' },
          },
        },
      },
    })
    expect(body(await startTask(simulator))).toMatchObject({
      TaskStatus: 'FAILED',
      ReasonCode: 'SomethingNew',
      Message: 'm',
    })
  })

  it('answers COMPLETE at once when asked', async () => {
    const simulator = createSimulator({
      script: { operations: { [START]: { then: { kind: 'task', status: 'COMPLETE' } } } },
    })
    const answer = body(await startTask(simulator))
    expect(answer).toMatchObject({
      TaskStatus: 'COMPLETE',
      OpportunityId: expect.stringMatching(/^O\d+$/) as unknown,
    })
    expect(validateResponse(answer).issues).toEqual([])
  })

  it.each([
    [
      'truncated-json',
      (text: string) => {
        expect(() => JSON.parse(text) as unknown).toThrow()
      },
    ],
    [
      'epoch-start-time',
      (text: string) => {
        expect(typeof (JSON.parse(text) as { StartTime?: unknown }).StartTime).toBe('number')
      },
    ],
    [
      'not-an-object',
      (text: string) => {
        expect(Array.isArray(JSON.parse(text))).toBe(true)
      },
    ],
    [
      'empty-200',
      (text: string) => {
        expect(text).toBe('')
      },
    ],
  ] as const)('answers malformed form %s after processing', async (form, check) => {
    const simulator = createSimulator({
      script: { operations: { [START]: { then: { kind: 'malformed', form } } } },
    })
    const outcome = await startTask(simulator)
    expect(status(outcome)).toBe(200)
    check(outcome.kind === 'respond' ? outcome.response.body : '')
    expect(simulator.tasks()).toHaveLength(1)
  })

  it('adds unknown fields, encodes errors as asked, and sets Retry-After', async () => {
    const extra = createSimulator({
      script: {
        operations: { [START]: { then: { kind: 'extra-fields', fields: { Surprise: true } } } },
      },
    })
    expect(body(await startTask(extra)).Surprise).toBe(true)
    const encoded = createSimulator({
      script: {
        operations: {
          [START]: {
            then: {
              kind: 'error',
              name: 'ThrottlingException',
              encoding: 'header-uri',
              messageKey: 'message',
              retryAfter: '2',
            },
          },
        },
      },
    })
    const outcome = await startTask(encoded)
    if (outcome.kind !== 'respond') throw new Error('expected a response')
    expect(outcome.response.headers['X-Amzn-Errortype']).toMatch(/^ThrottlingException:http/)
    expect(outcome.response.headers['Retry-After']).toBe('2')
    expect(JSON.parse(outcome.response.body)).toEqual({ message: expect.any(String) as unknown })
  })

  it('applies latency with seeded jitter, resets and hangs', async () => {
    const simulator = createSimulator({
      script: {
        seed: 3,
        operations: {
          [START]: {
            steps: [
              { kind: 'pass', latencyMs: 100, jitterMs: 50 },
              { kind: 'reset-after' },
              { kind: 'hang' },
            ],
          },
        },
      },
    })
    const first = await startTask(simulator)
    expect(
      first.kind === 'respond' && first.delivery.delayMs >= 100 && first.delivery.delayMs <= 150,
    ).toBe(true)
    expect((await startTask(simulator)).kind).toBe('reset-after')
    expect((await startTask(simulator)).kind).toBe('hang')
    expect(simulator.tasks()).toHaveLength(1)
  })

  it.each([
    [[], /the top level/],
    [{ operations: { Nope: {} } }, /operations.Nope: unknown operation/],
    [
      { operations: { [START]: { steps: [{ kind: 'explode' }] } } },
      /steps\[0\].kind: expected one of pass, error/,
    ],
    [{ operations: { [START]: { steps: [{ kind: 'error' }] } } }, /steps\[0\].name/],
    [
      { operations: { [START]: { random: [{ probability: 2, step: { kind: 'pass' } }] } } },
      /probability: expected a number from 0 to 1/,
    ],
    [
      { operations: { [START]: { then: { kind: 'malformed', form: 'x' } } } },
      /then.form: expected one of truncated-json/,
    ],
    [
      {
        operations: {
          ListEngagementByAcceptingInvitationTasks: { then: { kind: 'task', status: 'FAILED' } },
        },
      },
      /then.kind: a task step decides the task that StartEngagementByAcceptingInvitationTask creates/,
    ],
  ])('rejects an invalid script %j naming the place', (script, message) => {
    expect(() => createSimulator({ script: script as never })).toThrow(message)
  })
})

describe('createSimulator: GetEngagementInvitation', () => {
  it('returns the invitation with its status, or ResourceNotFoundException', async () => {
    const simulator = createSimulator()
    const found = body(
      await simulator.handle(
        wireRequest('GetEngagementInvitation', {
          Catalog: 'Sandbox',
          Identifier: 'engi-expired000001',
        }),
      ),
    )
    expect(found).toMatchObject({ Id: 'engi-expired000001', Status: 'EXPIRED', Catalog: 'Sandbox' })
    expect(
      status(
        await simulator.handle(
          wireRequest('GetEngagementInvitation', {
            Catalog: 'AWS',
            Identifier: 'engi-expired000001',
          }),
        ),
      ),
    ).toBe(404)
  })
})
