import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StartEngagementByAcceptingInvitationTaskCommand } from '@aws-sdk/client-partnercentral-selling'
import { describe, expect, it } from 'vitest'
import { runEck } from '../helpers/run-eck.js'
import { sdkClientAt } from '../helpers/sdk-client.js'

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

  it.each([
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
