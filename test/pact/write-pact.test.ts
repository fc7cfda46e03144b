import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAwsSdkClient } from '../../src/judge/clients/aws-sdk-client.js'
import { moduleConformanceClient } from '../../src/judge/conformance-client.js'
import { packageRoot } from '../../src/internal/package-root.js'
import { pactInteractions } from '../../src/pact/pact-interactions.js'
import { writePact } from '../../src/pact/write-pact.js'

const committed = join(
  packageRoot(),
  'contracts',
  'pacts',
  'eck-aws-sdk-partnercentral-selling.json',
)

describe('the consumer pact of the real AWS SDK client', () => {
  it(
    'is written by driving the SDK at the Pact mock server, and is in sync with contracts/pacts',
    { timeout: 60_000 },
    async () => {
      // The SDK as shipped (no request timeout): a loaded CI machine cannot time a call out here.
      const result = await writePact(
        moduleConformanceClient('aws-sdk-defaults', createAwsSdkClient('aws-sdk-defaults')),
        { consumer: 'eck-aws-sdk' },
      )
      expect(result.left).toEqual([])
      expect(result.kept).toHaveLength(pactInteractions().length)
      expect(result.fileName).toBe('eck-aws-sdk-partnercentral-selling.json')
      if (process.env.UPDATE_CONTRACTS === '1') writeFileSync(committed, result.pact)
      expect(result.pact, `${committed} is stale: run npm run contracts`).toBe(
        readFileSync(committed, 'utf8'),
      )
    },
  )

  it('matches bodies by the model patterns, Content-Type by a regex, and leaves SigV4 and SDK headers out', () => {
    const pact = JSON.parse(readFileSync(committed, 'utf8')) as {
      interactions: {
        description: string
        request: {
          headers: Record<string, unknown>
          matchingRules: Record<string, Record<string, unknown>>
        }
        response: { matchingRules: { body: Record<string, unknown> } }
        providerStates: { name: string; params: Record<string, string> }[]
      }[]
    }
    const inProgress = pact.interactions.find(
      (interaction) =>
        interaction.description === 'a start for a pending invitation, answered IN_PROGRESS',
    )
    expect(Object.keys(inProgress?.request.headers ?? {}).sort()).toEqual([
      'Content-Type',
      'X-Amz-Target',
    ])
    expect(inProgress?.request.matchingRules.header).toEqual({
      'Content-Type': {
        combine: 'AND',
        matchers: [{ match: 'regex', regex: '^application/x-amz-json-1\\.0$' }],
      },
    })
    expect(Object.keys(inProgress?.request.matchingRules.body ?? {}).sort()).toEqual([
      '$.Catalog',
      '$.ClientToken',
      '$.Identifier',
    ])
    expect(Object.keys(inProgress?.response.matchingRules.body ?? {}).sort()).toEqual([
      '$.EngagementInvitationId',
      '$.StartTime',
      '$.TaskArn',
      '$.TaskId',
    ])
    expect(inProgress?.providerStates).toEqual([
      {
        name: 'invitation {id} is PENDING in {catalog}',
        params: { catalog: 'Sandbox', id: 'engi-0123456789abc' },
      },
    ])
    const failed = pact.interactions.filter((interaction) =>
      interaction.description.startsWith('a start whose task FAILED with '),
    )
    expect(failed).toHaveLength(22)
  })

  it('leaves out what a client does not satisfy, and says why', { timeout: 60_000 }, async () => {
    const sdk = createAwsSdkClient('aws-sdk')
    const dropsReasonCode = moduleConformanceClient('drops', async (input, context) => {
      const report = await sdk(input, context)
      if (!('result' in report)) return report
      const { ReasonCode: _dropped, ...rest } = report.result
      return { result: rest }
    })
    const result = await writePact(dropsReasonCode, {
      consumer: 'drops',
      only: (interaction) =>
        interaction.description.includes('FAILED with InternalError') ||
        interaction.description.includes('IN_PROGRESS'),
    })
    expect(result.kept).toEqual(['a start for a pending invitation, answered IN_PROGRESS'])
    expect(result.left).toEqual([
      {
        description: 'a start whose task FAILED with InternalError',
        reason: expect.stringMatching(
          /expected ReasonCode InternalError, the client reported result TaskStatus="FAILED"/,
        ) as unknown,
      },
    ])
  })
})
