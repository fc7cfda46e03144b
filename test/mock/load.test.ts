import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import {
  PartnerCentralSellingClient,
  StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '../../src/mock/server.js'
import { validateResponse } from '../../src/validators/validate-response.js'
import { TEST_CREDENTIALS } from '../helpers/sdk-client.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const heapAfterGc = (): number => {
  gc()
  return process.memoryUsage().heapUsed
}

let server: MockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(async () => {
  await server.close()
})

describe('load on loopback (bounded: 10,000 requests, then it stops)', () => {
  it('50 concurrent callers over 100 ClientTokens create exactly 100 tasks, every answer valid, memory flat', async () => {
    // Arrange
    const url = server.scenarioUrl('load')
    const client = new PartnerCentralSellingClient({
      region: 'us-east-1',
      endpoint: url,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    })
    const total = 10_000
    const callers = 50
    let next = 0
    const problems: string[] = []
    const heaps: number[] = []
    const worker = async (): Promise<void> => {
      while (next < total) {
        const i = next++
        if (i === 2_000 || i === 9_000) heaps.push(heapAfterGc())
        const output = await client.send(
          new StartEngagementByAcceptingInvitationTaskCommand({
            Catalog: 'Sandbox',
            Identifier: i % 2 === 0 ? 'engi-0123456789abc' : 'engi-expired000001',
            ClientToken: `load-${i % 100}`,
          }),
        )
        if (output.TaskStatus !== 'IN_PROGRESS' || output.TaskId === undefined)
          problems.push(`request ${i}: ${JSON.stringify(output)}`)
      }
    }
    // Act
    await Promise.all(Array.from({ length: callers }, worker))
    // Assert
    const simulator = server.simulator('load')
    expect(problems).toEqual([])
    expect(simulator.tasks()).toHaveLength(100)
    for (const task of simulator.tasks()) expect(validateResponse(task).issues).toEqual([])
    expect(simulator.journal()).toHaveLength(2000)
    expect(new Set(simulator.journal().map((entry) => entry.status))).toEqual(new Set([200]))
    const [early = 0, late = 0] = heaps
    console.log(
      `heap after GC: ${(early / 2 ** 20).toFixed(1)} MiB at request 2,000, ${(late / 2 ** 20).toFixed(1)} MiB at request 9,000`,
    )
    expect(late - early, `heap grew from ${early} to ${late} bytes`).toBeLessThan(4 * 1024 * 1024)
  }, 120_000)
})
