import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/internal/package-root.js'
import { verificationHeaders, verifyPacts } from '../../src/pact/verify-pacts.js'

const committed = join(
  packageRoot(),
  'contracts',
  'pacts',
  'eck-aws-sdk-partnercentral-selling.json',
)

/** The parts of a V3 pact file these tests change. */
interface PactFile {
  interactions: {
    description: string
    providerStates?: { name: string; params: Record<string, string> }[]
    response: { matchingRules: { body: Record<string, { matchers: { regex?: string }[] }> } }
  }[]
}

const IN_PROGRESS = 'a start for a pending invitation, answered IN_PROGRESS'

// A TaskId regex the simulator's ids (task-…) do not satisfy.
function breakTaskIdRegex(pact: PactFile): void {
  const matcher = pact.interactions.find((candidate) => candidate.description === IN_PROGRESS)
    ?.response.matchingRules.body['$.TaskId']?.matchers[0]
  if (matcher === undefined)
    throw new Error(`the committed pact has no TaskId matcher in "${IN_PROGRESS}"`)
  matcher.regex = '^job-[0-9a-z]{13}$'
}

// Keeps only the IN_PROGRESS interaction, with the given provider state.
function withOnlyState(
  pact: PactFile,
  state: { name: string; params: Record<string, string> },
): void {
  const interaction = pact.interactions.find((candidate) => candidate.description === IN_PROGRESS)
  if (interaction === undefined) throw new Error(`the committed pact has no "${IN_PROGRESS}"`)
  interaction.providerStates = [state]
  pact.interactions = [interaction]
}

function broken(change: (pact: PactFile) => void): string {
  const pact = JSON.parse(readFileSync(committed, 'utf8')) as PactFile
  change(pact)
  const file = join(mkdtempSync(join(tmpdir(), 'eck-pact-')), 'broken.json')
  writeFileSync(file, JSON.stringify(pact))
  return file
}

describe('provider verification against the simulator', () => {
  it(
    'verifies every interaction of the committed pact, with state handlers configuring the simulator',
    { timeout: 60_000 },
    async () => {
      const result = await verifyPacts({ pactUrls: [committed] })
      expect(result).toEqual({ passed: true, message: 'every interaction was satisfied' })
    },
  )

  it(
    'fails a pact broken on purpose: a TaskId regex the simulator does not satisfy',
    { timeout: 60_000 },
    async () => {
      const file = broken(breakTaskIdRegex)
      const result = await verifyPacts({ pactUrls: [file] })
      expect(result.passed).toBe(false)
    },
  )

  it('fails a pact whose provider state no handler knows', { timeout: 60_000 }, async () => {
    const file = broken((pact) => {
      withOnlyState(pact, { name: 'the moon is full', params: {} })
    })
    const result = await verifyPacts({ pactUrls: [file] })
    expect(result.passed).toBe(false)
    expect(result.message).toContain(
      'provider state "the moon is full": no handler knows this state',
    )
  })

  it.each([
    [
      'an invitation the simulator does not have',
      {
        name: 'invitation {id} is PENDING in {catalog}',
        params: { id: 'engi-zzzzzzzzzzzzz', catalog: 'Sandbox' },
      },
      /no PENDING invitation engi-zzzzzzzzzzzzz in Sandbox/,
    ],
    [
      'a ReasonCode no revision has',
      {
        name: 'the task for the invitation fails with {reasonCode}',
        params: { reasonCode: 'NotARealReason' },
      },
      /NotARealReason is not a ReasonCode of revision 2025-12/,
    ],
  ])('fails a pact whose state asks for %s', { timeout: 60_000 }, async (_, state, message) => {
    const file = broken((pact) => {
      withOnlyState(pact, state)
    })
    const result = await verifyPacts({ pactUrls: [file] })
    expect(result.passed).toBe(false)
    expect(result.message).toMatch(message)
  })

  it(
    'ignores Pact variables of the environment (a broker URL, a description filter) that eck did not ask for',
    { timeout: 60_000 },
    async () => {
      const file = broken(breakTaskIdRegex)
      process.env.PACT_BROKER_BASE_URL = 'http://127.0.0.1:1'
      process.env.PACT_DESCRIPTION = 'a start answered with ConflictException'
      try {
        const result = await verifyPacts({ pactUrls: [file] })
        expect(result.passed).toBe(false)
        expect(process.env.PACT_DESCRIPTION).toBe('a start answered with ConflictException')
      } finally {
        delete process.env.PACT_BROKER_BASE_URL
        delete process.env.PACT_DESCRIPTION
      }
    },
  )

  it('signs replayed requests in the form the simulator checks', () => {
    const [authorization, date] = verificationHeaders(new Date('2026-11-26T10:11:12Z'))
    expect(date).toBe('X-Amz-Date: 20261126T101112Z')
    expect(authorization).toMatch(
      /^Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261126\/us-east-1\/partnercentral-selling\/aws4_request, SignedHeaders=host;x-amz-date, Signature=0{64}$/,
    )
  })
})
