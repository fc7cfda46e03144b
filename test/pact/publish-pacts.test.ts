import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/internal/package-root.js'
import { buildIdentity, publishPacts } from '../../src/pact/publish-pacts.js'
import { startFakeBroker } from '../helpers/fake-broker.js'

const root = packageRoot()
const pacts = join(root, 'contracts', 'pacts')
const pactFile = join(pacts, 'eck-aws-sdk-partnercentral-selling.json')
const TOKEN = 'tok-SECRET-1234567890'

describe('publishPacts with the official Pact CLI, against a loopback broker', () => {
  it(
    'sends the documented publish request: consumer, version, branch, the base64 pact and the bearer token',
    { timeout: 60_000 },
    async () => {
      const broker = await startFakeBroker()
      try {
        const result = await publishPacts({
          path: pacts,
          brokerUrl: broker.url,
          consumerVersion: 'abc123',
          branch: 'feature/x',
          env: { PATH: process.env.PATH, PACT_BROKER_TOKEN: TOKEN },
          cwd: root,
        })
        expect(result.exitCode).toBe(0)
        const publish = broker.requests.find(
          (request) => request.method === 'POST' && request.url === '/contracts/publish',
        )
        expect(publish?.headers.authorization).toBe(`Bearer ${TOKEN}`)
        const body = JSON.parse(publish?.body ?? '{}') as {
          pacticipantName: string
          pacticipantVersionNumber: string
          branch: string
          contracts: {
            consumerName: string
            providerName: string
            specification: string
            contentType: string
            content: string
          }[]
        }
        expect(body).toMatchObject({
          pacticipantName: 'eck-aws-sdk',
          pacticipantVersionNumber: 'abc123',
          branch: 'feature/x',
        })
        expect(body.contracts).toHaveLength(1)
        expect(body.contracts[0]).toMatchObject({
          consumerName: 'eck-aws-sdk',
          providerName: 'partnercentral-selling',
          specification: 'pact',
          contentType: 'application/json',
        })
        // The CLI stamps its own pactRust version into the metadata; everything else is the file as written.
        const { metadata: _sent, ...sent } = JSON.parse(
          Buffer.from(body.contracts[0]?.content ?? '', 'base64').toString('utf8'),
        ) as Record<string, unknown>
        const { metadata: _file, ...file } = JSON.parse(readFileSync(pactFile, 'utf8')) as Record<
          string,
          unknown
        >
        expect(sent).toEqual(file)
        expect(result.stdout + result.stderr).not.toContain(TOKEN)
        expect(broker.requests[0]).toMatchObject({ method: 'GET', url: '/' })
      } finally {
        await broker.close()
      }
    },
  )

  it(
    'sends basic auth from PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, and never prints the password',
    { timeout: 60_000 },
    async () => {
      const broker = await startFakeBroker()
      try {
        const result = await publishPacts({
          path: pacts,
          brokerUrl: broker.url,
          consumerVersion: 'v1',
          env: { PACT_BROKER_USERNAME: 'ci', PACT_BROKER_PASSWORD: 'pw-SECRET-987' },
          cwd: root,
        })
        expect(result.exitCode).toBe(0)
        expect(broker.requests[0]?.headers.authorization).toBe(
          `Basic ${Buffer.from('ci:pw-SECRET-987').toString('base64')}`,
        )
        expect(result.stdout + result.stderr).not.toContain('pw-SECRET-987')
        expect(result.stdout + result.stderr).not.toContain(
          Buffer.from('ci:pw-SECRET-987').toString('base64'),
        )
      } finally {
        await broker.close()
      }
    },
  )

  it('retries a broker that fails twice with 500, then succeeds', { timeout: 60_000 }, async () => {
    const broker = await startFakeBroker('fail-twice')
    try {
      const result = await publishPacts({
        path: pacts,
        brokerUrl: broker.url,
        consumerVersion: 'v2',
        env: { PACT_BROKER_TOKEN: TOKEN },
        cwd: root,
      })
      expect(result.exitCode).toBe(0)
      expect(broker.requests.filter((request) => request.method === 'POST')).toHaveLength(3)
    } finally {
      await broker.close()
    }
  })

  it.each([
    ['unauthorized', /failed: 401 Unauthorized/],
    [
      'malformed',
      /Did not get a valid HAL response body from pact broker path '\/contracts\/publish'/,
    ],
  ] as const)(
    'fails clearly and without the token when the broker answers %s',
    { timeout: 60_000 },
    async (mode, message) => {
      const broker = await startFakeBroker(mode)
      try {
        const result = await publishPacts({
          path: pacts,
          brokerUrl: broker.url,
          consumerVersion: 'v3',
          env: { PACT_BROKER_TOKEN: TOKEN },
          cwd: root,
          retries: 0,
        })
        expect(result.exitCode).not.toBe(0)
        expect(result.stdout + result.stderr).toMatch(message)
        expect(result.stdout + result.stderr).not.toContain(TOKEN)
      } finally {
        await broker.close()
      }
    },
  )

  it('fails clearly when the broker is down', { timeout: 60_000 }, async () => {
    const broker = await startFakeBroker()
    await broker.close()
    const result = await publishPacts({
      path: pacts,
      brokerUrl: broker.url,
      consumerVersion: 'v4',
      env: { PACT_BROKER_TOKEN: TOKEN },
      cwd: root,
      retries: 0,
    })
    expect(result.exitCode).not.toBe(0)
    expect(result.stdout + result.stderr).toMatch(
      /Failed to access pact broker path '' - error sending request/,
    )
    expect(result.stdout + result.stderr).not.toContain(TOKEN)
  })

  it('rejects a missing broker, credentials in the URL, and half-given basic auth', async () => {
    await expect(
      publishPacts({ path: pacts, env: {}, cwd: root, consumerVersion: 'v' }),
    ).rejects.toThrow(/No Pact Broker: give --broker-url or set PACT_BROKER_BASE_URL/)
    await expect(
      publishPacts({
        path: pacts,
        brokerUrl: 'https://u:p@broker.example',
        env: {},
        cwd: root,
        consumerVersion: 'v',
      }),
    ).rejects.toThrow(/not in the URL/)
    await expect(
      publishPacts({
        path: pacts,
        brokerUrl: 'https://broker.example',
        env: { PACT_BROKER_USERNAME: 'u' },
        cwd: root,
        consumerVersion: 'v',
      }),
    ).rejects.toThrow(/both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD/)
    await expect(
      publishPacts({
        path: join(root, 'no-such-dir'),
        brokerUrl: 'https://broker.example',
        env: {},
        cwd: root,
      }),
    ).rejects.toThrow(/No pacts at/)
  })

  it('takes the version, branch and build URL from CI variables, then git', () => {
    expect(
      buildIdentity(
        {
          GITHUB_SHA: 'deadbeef',
          GITHUB_REF_NAME: 'main',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'o/r',
          GITHUB_RUN_ID: '7',
        },
        root,
      ),
    ).toEqual({
      version: 'deadbeef',
      branch: 'main',
      buildUrl: 'https://github.com/o/r/actions/runs/7',
    })
    expect(
      buildIdentity(
        { CI_COMMIT_SHA: 'c0ffee', CI_COMMIT_REF_NAME: 'mr-1', CI_JOB_URL: 'https://gitlab/job/1' },
        root,
      ),
    ).toEqual({ version: 'c0ffee', branch: 'mr-1', buildUrl: 'https://gitlab/job/1' })
    // Outside a git checkout (e.g. an unpacked archive) there is no version to find.
    const fromGit = buildIdentity({}, root).version
    if (fromGit !== undefined) expect(fromGit).toMatch(/^[0-9a-f]{40}$/)
  })
})

describe.runIf(process.env.PACT_BROKER_BASE_URL !== undefined)(
  'publishing to a real Pact Broker (PACT_BROKER_BASE_URL is set)',
  () => {
    it('publishes the committed pact', { timeout: 120_000 }, async () => {
      const result = await publishPacts({
        path: pacts,
        consumerVersion: `eck-test-${Date.now()}`,
        branch: 'eck-test',
        env: process.env,
        cwd: root,
      })
      expect(result.exitCode, result.stderr).toBe(0)
    })
  },
)
if (process.env.PACT_BROKER_BASE_URL === undefined)
  console.warn('PACT_BROKER_BASE_URL is not set: the test against a real Pact Broker is skipped.')
