import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/internal/package-root.js'
import { verificationHeaders, verifyPacts } from '../../src/pact/verify-pacts.js'

const committed = join(packageRoot(), 'contracts', 'pacts', 'eck-aws-sdk-partnercentral-selling.json')

function broken(change: (pact: { interactions: Record<string, any>[] }) => void): string {
  const pact = JSON.parse(readFileSync(committed, 'utf8')) as { interactions: Record<string, any>[] }
  change(pact)
  const file = join(mkdtempSync(join(tmpdir(), 'eck-pact-')), 'broken.json')
  writeFileSync(file, JSON.stringify(pact))
  return file
}

describe('provider verification against the simulator', () => {
  it('verifies every interaction of the committed pact, with state handlers configuring the simulator', { timeout: 60_000 }, async () => {
    const result = await verifyPacts({ pactUrls: [committed] })
    expect(result).toEqual({ passed: true, message: 'every interaction was satisfied' })
  })

  it('fails a pact broken on purpose: a TaskId regex the simulator does not satisfy', { timeout: 60_000 }, async () => {
    const file = broken((pact) => {
      const interaction = pact.interactions.find((candidate) => candidate.description === 'a start for a pending invitation, answered IN_PROGRESS')
      interaction!.response.matchingRules.body['$.TaskId'].matchers[0].regex = '^job-[0-9a-z]{13}$'
    })
    const result = await verifyPacts({ pactUrls: [file] })
    expect(result.passed).toBe(false)
  })

  it('fails a pact whose provider state no handler knows', { timeout: 60_000 }, async () => {
    const file = broken((pact) => {
      pact.interactions = pact.interactions.slice(0, 1)
      pact.interactions[0]!.providerStates = [{ name: 'the moon is full', params: {} }]
    })
    const result = await verifyPacts({ pactUrls: [file] })
    expect(result.passed).toBe(false)
  })

  it('signs replayed requests in the form the simulator checks', () => {
    const [authorization, date] = verificationHeaders(new Date('2026-11-26T10:11:12Z'))
    expect(date).toBe('X-Amz-Date: 20261126T101112Z')
    expect(authorization).toMatch(/^Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261126\/us-east-1\/partnercentral-selling\/aws4_request, SignedHeaders=host;x-amz-date, Signature=0{64}$/)
  })
})
