import { StartEngagementByAcceptingInvitationTaskCommand } from '@aws-sdk/client-partnercentral-selling'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/mock/handlers.js'
import { createSimulator } from '../../src/mock/simulator.js'
import { sdkClientAt } from '../helpers/sdk-client.js'

// A loopback-looking base URL that nothing listens on: msw intercepts before any socket is opened.
const baseUrl = 'http://127.0.0.1:9/msw'
const simulator = createSimulator()
const server = setupServer(...createHandlers(simulator, { baseUrl }))

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  simulator.reset()
})
afterAll(() => {
  server.close()
})

const start = (
  i: object = { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc', ClientToken: 't' },
) => new StartEngagementByAcceptingInvitationTaskCommand(i as never)

describe('createHandlers with msw/node', () => {
  it('serves the real AWS SDK through interception', async () => {
    const output = await sdkClientAt(baseUrl).send(start())
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(simulator.journal()[0]?.path).toBe('/')
  })

  it('answers modelled errors, retried as the SDK does', async () => {
    simulator.setScript({
      operations: {
        StartEngagementByAcceptingInvitationTask: {
          steps: [{ kind: 'error', name: 'ThrottlingException' }],
        },
      },
    })
    const output = await sdkClientAt(baseUrl).send(start())
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(simulator.journal().map((entry) => entry.status)).toEqual([429, 200])
  })

  it('turns a reset into a network error (msw cannot reset a socket)', async () => {
    simulator.setScript({
      operations: {
        StartEngagementByAcceptingInvitationTask: { steps: [{ kind: 'reset-before' }] },
      },
    })
    const error = (await sdkClientAt(baseUrl)
      .send(start())
      .catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(Error)
    expect(simulator.journal()[0]?.outcome).toBe('reset-before')
  })

  it('dribbles a body in pieces, dribbleMs apart, and the SDK still reads it', async () => {
    simulator.setScript({
      operations: {
        StartEngagementByAcceptingInvitationTask: {
          then: { kind: 'pass', dribbleMs: 40, chunks: 4 },
        },
      },
    })
    const startedAt = performance.now()
    const output = await sdkClientAt(baseUrl).send(start())
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    // Four pieces are three waits of 40 ms: a lower bound only, never an upper one.
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(115)
  })

  it('errors on a request outside the simulator (onUnhandledRequest: error)', async () => {
    const error = await fetch('http://127.0.0.1:9/elsewhere').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
  })
})
