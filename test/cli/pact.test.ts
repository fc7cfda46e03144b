import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runEck } from '../helpers/run-eck.js'
import { startFakeBroker } from '../helpers/fake-broker.js'

const TOKEN = 'tok-CLI-SECRET-55555'

describe('eck pact', () => {
  it(
    'writes the pact a client satisfies, named after the consumer',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'eck-pact-'))
      const run = await runEck([
        'pact',
        '--client',
        'aws-sdk-defaults',
        '--consumer',
        'partner-portal',
        '--output-dir',
        dir,
      ])
      expect(
        run.code,
        run.stderr
          .split('\n')
          .filter((line) => line.includes('LEFT'))
          .join('\n'),
      ).toBe(0)
      const pact = JSON.parse(
        readFileSync(join(dir, 'partner-portal-partnercentral-selling.json'), 'utf8'),
      ) as { consumer: { name: string }; interactions: unknown[] }
      expect(pact.consumer.name).toBe('partner-portal')
      expect(pact.interactions).toHaveLength(31)
      expect(run.stdout).toMatch(
        /partner-portal-partnercentral-selling\.json: 31 interaction\(s\)\n$/,
      )
    },
  )

  it(
    'leaves out what the client does not satisfy, says so, and exits 1',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'eck-pact-'))
      const run = await runEck([
        'pact',
        '--client',
        'test/fixtures/clients/drops-reason-code.mjs',
        '--consumer',
        'drops',
        '--output-dir',
        dir,
      ])
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(
        /eck pact: LEFT a start whose task FAILED with InternalError: expected ReasonCode InternalError/,
      )
      expect(
        (
          JSON.parse(readFileSync(join(dir, 'drops-partnercentral-selling.json'), 'utf8')) as {
            interactions: unknown[]
          }
        ).interactions,
      ).toHaveLength(9)
    },
  )

  it(
    'writes the pact of a protocol v2 command (the correct base client: every interaction)',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'eck-pact-v2-'))
      const run = await runEck([
        'pact',
        '--command',
        `"${process.execPath}" test/fixtures/clients/protocol-v2.mjs`,
        '--protocol',
        '2',
        '--consumer',
        'partner-sync',
        '--output-dir',
        dir,
      ])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toMatch(
        /partner-sync-partnercentral-selling\.json: 31 interaction\(s\)\n$/,
      )
    },
  )

  it.each([
    [['pact', '--client', 'aws-sdk'], /--consumer is required/],
    [['pact', '--consumer', 'x', '--command', 'true', '--protocol', '0'], /--protocol must be 1/],
    [['pact', '--consumer', 'a b'], /--consumer may use letters, digits/],
  ])('exits 2 for %j', async (argv, message) => {
    const run = await runEck(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})

describe('eck publish, can-i-deploy and record-deployment', () => {
  it(
    'publishes the pacts of a directory to the broker, never printing the token',
    { timeout: 60_000 },
    async () => {
      const broker = await startFakeBroker()
      try {
        const run = await runEck(
          [
            'publish',
            'contracts/pacts',
            '--broker-url',
            broker.url,
            '--consumer-version',
            'v9',
            '--branch',
            'main',
          ],
          '',
          undefined,
          undefined,
          { PACT_BROKER_TOKEN: TOKEN, PATH: process.env.PATH ?? '' },
        )
        expect(run.code).toBe(0)
        expect(run.stderr).toContain('eck publish: published as version v9 on branch main')
        expect(run.stdout + run.stderr).not.toContain(TOKEN)
        expect(broker.requests.some((request) => request.url === '/contracts/publish')).toBe(true)
      } finally {
        await broker.close()
      }
    },
  )

  it(
    'exits 1 with the reason when the broker refuses, without the token',
    { timeout: 60_000 },
    async () => {
      const broker = await startFakeBroker('unauthorized')
      try {
        const run = await runEck(
          ['publish', 'contracts/pacts', '--consumer-version', 'v9', '--retries', '0'],
          '',
          undefined,
          undefined,
          { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN },
        )
        expect(run.code).toBe(1)
        expect(run.stderr).toMatch(/eck publish: the Pact CLI failed/)
        expect(run.stdout + run.stderr).not.toContain(TOKEN)
      } finally {
        await broker.close()
      }
    },
  )

  it.each([
    [
      ['publish', 'contracts/pacts', '--consumer-version', 'v'],
      /No Pact Broker: give --broker-url or set PACT_BROKER_BASE_URL/,
    ],
    [['publish', 'no-such-dir', '--broker-url', 'http://127.0.0.1:1'], /No pacts at/],
    [['publish', 'contracts/pacts', '--broker-url', 'ftp://x'], /must be http or https/],
    [['can-i-deploy', '--pacticipant', 'x', '--version', '1'], /No Pact Broker/],
  ])('exits 2 for %j', async (argv, message) => {
    const run = await runEck(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })

  it(
    'passes can-i-deploy through to the Pact CLI, redacting the token',
    { timeout: 60_000 },
    async () => {
      const help = await runEck(['can-i-deploy', '--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toMatch(/pact broker can-i-deploy/)
      expect(help.stdout).toMatch(/--to-environment/)
      const broker = await startFakeBroker()
      try {
        const run = await runEck(
          [
            'can-i-deploy',
            '--pacticipant',
            'eck-aws-sdk',
            '--version',
            'v9',
            '--to-environment',
            'production',
            '--retries',
            '0',
          ],
          '',
          undefined,
          undefined,
          { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN },
        )
        expect(run.code).not.toBe(0)
        expect(
          broker.requests.some(
            (request) =>
              request.url.startsWith('/matrix') &&
              request.headers.authorization === `Bearer ${TOKEN}`,
          ),
        ).toBe(true)
        expect(run.stdout + run.stderr).not.toContain(TOKEN)
      } finally {
        await broker.close()
      }
    },
  )
})

describe('eck verify', () => {
  it('verifies the committed pact against the simulator', { timeout: 60_000 }, async () => {
    const run = await runEck(['verify', 'contracts/pacts/eck-aws-sdk-partnercentral-selling.json'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      'eck verify: the simulator satisfies every interaction (revision 2025-12)\n',
    )
  })

  it.each([
    [['verify'], /Give pact files, or a broker/],
    [['verify', 'no-such.json'], /No pact file at .*no-such\.json/],
    [
      ['verify', 'contracts/pacts/eck-aws-sdk-partnercentral-selling.json', '--publish'],
      /--publish needs a broker/,
    ],
  ])('exits 2 for %j', async (argv, message) => {
    const run = await runEck(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})
