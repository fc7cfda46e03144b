import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StartEngagementByAcceptingInvitationTaskCommand } from '@aws-sdk/client-partnercentral-selling'
import { describe, expect, it } from 'vitest'
import { runEck } from '../helpers/run-eck.js'
import { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling'
import { sdkClientAt, TEST_CREDENTIALS, type SdkErrorShape } from '../helpers/sdk-client.js'

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('eck mock', () => {
  it('prints its URL, serves a scripted simulator until stopped, and exits 0', async () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'eck-mock-'))
    const script = join(dir, 'script.json')
    writeFileSync(
      script,
      JSON.stringify({
        operations: {
          StartEngagementByAcceptingInvitationTask: {
            steps: [{ kind: 'error', name: 'ThrottlingException' }],
          },
        },
      }),
    )
    let stop = (): void => undefined
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const live = { stdout: '' }
    // Act
    const running = runEck(
      ['mock', '--port', '0', '--script', script, '--seed', '5'],
      '',
      stopped,
      live,
    )
    await until(() => live.stdout.includes('\n'))
    const url = live.stdout.trim()
    const output = await sdkClientAt(url).send(
      new StartEngagementByAcceptingInvitationTaskCommand({
        Catalog: 'Sandbox',
        Identifier: 'engi-0123456789abc',
        ClientToken: 't',
      }),
    )
    const journal = (await (await fetch(`${url}/__eck/journal`)).json()) as { status: number }[]
    stop()
    const run = await running
    // Assert
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(journal.map((entry) => entry.status)).toEqual([429, 200])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('eck mock: stopped')
    await expect(fetch(`${url}/__eck/health`)).rejects.toThrow()
  })

  it('takes the secret from ECK_MOCK_SECRET_ACCESS_KEY and verifies signatures with it', async () => {
    let stop = (): void => undefined
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const live = { stdout: '' }
    const running = runEck(['mock'], '', stopped, live, {
      ECK_MOCK_SECRET_ACCESS_KEY: 'not-the-test-secret',
    })
    await until(() => live.stdout.includes('\n'))
    const error = (await sdkClientAt(live.stdout.trim(), 1)
      .send(
        new StartEngagementByAcceptingInvitationTaskCommand({
          Catalog: 'Sandbox',
          Identifier: 'engi-0123456789abc',
          ClientToken: 't',
        }),
      )
      .catch((e: unknown) => e)) as Error
    stop()
    const run = await running
    expect(error.name).toBe('InvalidSignatureException')
    expect(run.stderr).toContain('signatures: verified')
    expect(run.stderr).not.toContain('not-the-test-secret')
  })

  it('reproduces "our token expired" and a drifted clock from flags: the JS SDK reports the first and corrects the second', async () => {
    let stop = (): void => undefined
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const live = { stdout: '' }
    const running = runEck(
      [
        'mock',
        '--credential',
        `${TEST_CREDENTIALS.accessKeyId}:${TEST_CREDENTIALS.secretAccessKey}:expired`,
        '--credential',
        `AKIDVALID:${TEST_CREDENTIALS.secretAccessKey}`,
        '--clock-skew=-20m',
      ],
      '',
      stopped,
      live,
    )
    await until(() => live.stdout.includes('\n'))
    const url = live.stdout.trim()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const input = {
      Catalog: 'Sandbox',
      Identifier: 'engi-0123456789abc',
      ClientToken: 't',
    } as const
    const expired = (await sdkClientAt(url, 3)
      .send(new StartEngagementByAcceptingInvitationTaskCommand(input))
      .catch((e: unknown) => e)) as SdkErrorShape
    const valid = new PartnerCentralSellingClient({
      region: 'us-east-1',
      endpoint: url,
      credentials: { ...TEST_CREDENTIALS, accessKeyId: 'AKIDVALID' },
      maxAttempts: 3,
    })
    const output = await valid.send(new StartEngagementByAcceptingInvitationTaskCommand(input))
    const journal = (await (await fetch(`${url}/__eck/journal`)).json()) as {
      status: number
      errorName?: string
      rejectedFor?: string
    }[]
    stop()
    const run = await running
    expect(`${expired.name}: ${expired.message}`).toBe(
      'ExpiredTokenException: The security token included in the request is expired',
    )
    expect(expired.$metadata.httpStatusCode).toBe(400)
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    // Each client is first refused for its clock and corrects it. The JS SDK then retries the expired
    // key's refusal once more (an error right after a clock correction is retried, as Go retries
    // AccessDeniedException), and reports it; the valid key succeeds.
    expect(journal.map((entry) => [entry.status, entry.errorName, entry.rejectedFor])).toEqual([
      [400, 'InvalidSignatureException', 'clock'],
      [400, 'ExpiredTokenException', 'credentials'],
      [400, 'ExpiredTokenException', 'credentials'],
      [400, 'InvalidSignatureException', 'clock'],
      [200, undefined, undefined],
    ])
    expect(run.stderr).toContain('credentials: AKIDEXAMPLE expired, AKIDVALID valid')
    expect(run.stderr).toContain('clock: 20 min behind real time')
    expect(run.stderr).not.toContain(TEST_CREDENTIALS.secretAccessKey)
  })

  it('reads credentials and a skew from --front-door FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eck-mock-'))
    const file = join(dir, 'front-door.json')
    writeFileSync(
      file,
      JSON.stringify({
        credentials: [
          {
            accessKeyId: TEST_CREDENTIALS.accessKeyId,
            secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
            status: 'denied',
          },
        ],
        clockSkewMs: 1_200_000,
      }),
    )
    let stop = (): void => undefined
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const live = { stdout: '' }
    const running = runEck(['mock', '--front-door', file], '', stopped, live)
    await until(() => live.stdout.includes('\n'))
    // Never an empty endpoint: the SDK would resolve the real one.
    if (live.stdout === '') {
      stop()
      expect((await running).stderr).toBe('')
    }
    expect(live.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n/)
    const error = (await sdkClientAt(live.stdout.trim(), 3)
      .send(
        new StartEngagementByAcceptingInvitationTaskCommand({
          Catalog: 'Sandbox',
          Identifier: 'engi-0123456789abc',
          ClientToken: 't',
        }),
      )
      .catch((e: unknown) => e)) as SdkErrorShape
    stop()
    const run = await running
    // The SDK corrects its clock first, then meets the key's missing permission.
    expect(`${error.name}: ${error.message}`).toMatch(/^AccessDeniedException: User: /)
    expect(run.stderr).toContain('clock: 20 min ahead of real time')
  })

  it.each([
    [['mock', '--credential', 'AKID'], /--credential must be ACCESS_KEY_ID:SECRET/],
    [
      ['mock', '--credential', 'AKID:s:stale'],
      /status: expected one of valid, expired, unknown, denied, not-opted-in, got "stale"/,
    ],
    [['mock', '--clock-skew', 'soon'], /--clock-skew must be a duration like 10s/],
    [['mock', '--clock-skew', '30h'], /--clock-skew must be at most 24h either way/],
    [['mock', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['mock', '--script', '/no/such.json'], /File not found/],
    [['mock', '--revision', 'x'], /Unknown revision "x"/],
  ])('exits 2 for %j', async (argv, pattern) => {
    const run = await runEck(argv, '', Promise.resolve())
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(pattern)
  })

  it('exits 2 naming the place of an invalid script', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eck-mock-'))
    const script = join(dir, 'bad.json')
    writeFileSync(
      script,
      '{"operations":{"StartEngagementByAcceptingInvitationTask":{"steps":[{"kind":"boom"}]}}}',
    )
    const run = await runEck(['mock', '--script', script], '', Promise.resolve())
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/steps\[0\]\.kind: expected one of pass/)
  })
})
