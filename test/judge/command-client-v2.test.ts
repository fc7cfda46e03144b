import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { commandClientV2, protocolV2Environment } from '../../src/judge/command-client-v2.js'
import { DUMMY_CREDENTIALS } from '../../src/judge/command-client.js'
import {
  commandConformanceClient,
  type ClientCallResult,
  type ConformanceClient,
} from '../../src/judge/conformance-client.js'
import { runConformance } from '../../src/harness/run-conformance.js'
import { packageRoot } from '../../src/internal/package-root.js'

const SCRIPTED = `"${process.execPath}" ${join(packageRoot(), 'test/fixtures/clients/protocol-v2-scripted.mjs')}`
// Nothing listens there: these calls never reach a server (the scripted process answers by itself).
const BASE_URL = 'http://127.0.0.1:9/s/v2'

const opened: (ConformanceClient & { close(): Promise<void> })[] = []

function scripted(
  options: { callsPerProcess?: number; ignoreEof?: boolean } = {},
): ConformanceClient & { close(): Promise<void> } {
  const client = commandClientV2(
    `${SCRIPTED}${options.ignoreEof === true ? ' --ignore-eof' : ''}`,
    {
      env: { PATH: process.env.PATH },
      ...(options.callsPerProcess === undefined
        ? {}
        : { callsPerProcess: options.callsPerProcess }),
    },
  )
  opened.push(client)
  return client
}

function call(
  client: ConformanceClient,
  scenarioId: string,
  input: Record<string, unknown> = {},
  deadlineMs = 5000,
): Promise<ClientCallResult> {
  return client.call(input, { baseUrl: BASE_URL, scenarioId, deadlineMs })
}

function resultOf(result: ClientCallResult): Record<string, unknown> {
  if (result.outcome.kind !== 'result')
    throw new Error(`expected a result, got ${JSON.stringify(result.outcome)}`)
  return result.outcome.result
}

// A process that was killed but not yet reaped (a zombie: this machine's init may never reap it) is gone.
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${String(pid)}/stat`, 'utf8'))
  } catch {
    return true
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20))
  return !alive(pid)
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((client) => client.close()))
})

describe('commandClientV2', () => {
  it('sends the id, scenario, endpoint, region, credentials and input, and reads the answer', async () => {
    // Arrange
    const client = scripted()
    // Act
    const result = await call(client, 'echo', {
      Catalog: 'Sandbox',
      Identifier: 'engi-0123456789abc',
    })
    // Assert
    expect(resultOf(result)).toMatchObject({
      TaskStatus: 'IN_PROGRESS',
      scenario: 'echo',
      endpoint: BASE_URL,
      region: 'us-east-1',
      accessKeyId: DUMMY_CREDENTIALS.accessKeyId,
      input: { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' },
    })
    expect((await call(client, 'error')).outcome).toEqual({
      kind: 'error',
      name: 'ConflictException',
      message: 'm',
    })
  })

  it('gives the process the protocol environment, the endpoint variables on a closed port', async () => {
    const result = await call(scripted(), 'echo')
    expect(resultOf(result).env).toEqual({
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: 'http://127.0.0.1:1',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      ECK_PROTOCOL: '2',
    })
    expect(protocolV2Environment()).toMatchObject({
      AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    })
  })

  it('starts the process once and keeps it for the next calls', async () => {
    const client = scripted()
    const pids = []
    for (let i = 0; i < 5; i++) pids.push(resultOf(await call(client, 'echo')).pid)
    expect(new Set(pids).size).toBe(1)
  })

  it('starts a process per call in flight with one call per process, and reuses them', async () => {
    // Arrange
    const client = scripted()
    // Act
    const first = await Promise.all([1, 2, 3].map(() => call(client, 'echo', { delayMs: 100 })))
    const second = await Promise.all([1, 2, 3].map(() => call(client, 'echo', { delayMs: 100 })))
    // Assert
    const pids = new Set(first.map((result) => resultOf(result).pid))
    expect(pids.size).toBe(3)
    expect(new Set(second.map((result) => resultOf(result).pid))).toEqual(pids)
  })

  it('matches answers given in another order to their calls by id', async () => {
    // Arrange
    const client = scripted({ callsPerProcess: 3 })
    // Act: the first call is answered last.
    const results = await Promise.all(
      [300, 150, 0].map((delayMs) => call(client, 'echo', { delayMs })),
    )
    // Assert
    expect(
      results.map((result) => (resultOf(result).input as { delayMs: number }).delayMs),
    ).toEqual([300, 150, 0])
    expect(new Set(results.map((result) => resultOf(result).pid)).size).toBe(1)
  })

  it('reports every call in flight as a crash when the process dies, and starts it again for the next call', async () => {
    // Arrange
    const client = scripted({ callsPerProcess: 3 })
    const before = resultOf(await call(client, 'echo')).pid as number
    // Act
    const results = await Promise.all([
      call(client, 'echo', { delayMs: 2000 }),
      call(client, 'crash'),
      call(client, 'echo', { delayMs: 2000 }),
    ])
    const after = resultOf(await call(client, 'echo')).pid
    // Assert
    for (const result of results) {
      expect(result.outcome).toEqual({
        kind: 'crash',
        reason:
          'exit code 3 with 3 calls in flight (protocol v2: the process stays up until its stdin ends)',
      })
    }
    expect(after).not.toBe(before)
  })

  it('reports a hang at the deadline, kills the process, and answers the next call from a new one', async () => {
    // Arrange
    const client = scripted()
    const before = resultOf(await call(client, 'echo')).pid as number
    // Act
    const hung = await call(client, 'hang', {}, 300)
    const after = resultOf(await call(client, 'echo')).pid
    // Assert
    expect(hung.outcome).toEqual({ kind: 'hang', reason: 'no answer within 300 ms' })
    expect(await gone(before)).toBe(true)
    expect(after).not.toBe(before)
  })

  it('says when a process that hangs has never answered (not a protocol v2 client?)', async () => {
    const client = commandClientV2('cat > /dev/null', { env: { PATH: process.env.PATH } })
    opened.push(client)
    const result = await call(client, 'echo', {}, 300)
    expect(result.outcome.kind).toBe('hang')
    expect(result.outcome.kind === 'hang' && result.outcome.reason).toMatch(
      /no answer within 300 ms \(the process has answered no call yet: does it speak client protocol v2/,
    )
  })

  it('keeps a late answer to a call past its deadline out of the other calls: it is output', async () => {
    // Arrange: two calls on one process; the first is given up at 200 ms and answered at 400 ms.
    const client = scripted({ callsPerProcess: 2 })
    // Act
    const [late, other] = await Promise.all([
      call(client, 'echo', { delayMs: 400, which: 'late' }, 200),
      call(client, 'echo', { delayMs: 700, which: 'other' }),
    ])
    // Assert
    expect(late.outcome.kind).toBe('hang')
    expect(late.outcome.kind === 'hang' && late.outcome.reason).toMatch(/^no answer within 200 ms/)
    expect((resultOf(other).input as { which: string }).which).toBe('other')
    expect(other.stderr).toMatch(
      /\[stdout\] \{"id":"c1","result":.*"which":"late".*\(an answer to a call past its deadline: output, not a result\)/,
    )
  })

  it('takes malformed lines, JSON that is no answer and unknown ids as output, with stderr', async () => {
    // Arrange
    const client = scripted()
    // Act
    const result = await call(client, 'noise', { delayMs: 50 })
    // Assert
    expect(resultOf(result).scenario).toBe('noise')
    expect(result.stderr).toContain('[stdout] Accepting the invitation…\n')
    expect(result.stderr).toContain('[stdout] {"id": "c\n')
    expect(result.stderr).toContain('[stdout] [1,2]\n')
    expect(result.stderr).toMatch(
      /\[stdout\] \{"id":"never-sent".*\(an answer to no call in flight/,
    )
    expect(result.stderr).toMatch(/debug: c\d+ on its way/)
  })

  it('reports an answer that is neither a result nor an error as a crash of that call', async () => {
    const client = scripted({ callsPerProcess: 2 })
    const [shape, other] = await Promise.all([
      call(client, 'shape'),
      call(client, 'echo', { delayMs: 100 }),
    ])
    expect(shape.outcome.kind).toBe('crash')
    expect(shape.outcome.kind === 'crash' && shape.outcome.reason).toMatch(
      /^the answer to call "c\d+" is neither/,
    )
    expect(resultOf(other).scenario).toBe('echo')
  })

  it('takes the first answer to a call and a second one as output', async () => {
    const client = scripted()
    const first = await call(client, 'twice')
    const next = await call(client, 'echo', { delayMs: 50 })
    expect(resultOf(first).TaskId).toBe('task-0123456789abc')
    expect(resultOf(next).scenario).toBe('echo')
    expect(`${first.stderr ?? ''}${next.stderr ?? ''}`).toMatch(
      /"TaskId":"task-0000000000002".*\((a second answer to one call|an answer to no call in flight)/,
    )
  })

  it('reports a command that cannot run as a crash with the exit code', async () => {
    const client = commandClientV2('eck-no-such-program-xyz', { env: { PATH: process.env.PATH } })
    opened.push(client)
    const result = await call(client, 'echo')
    expect(result.outcome.kind).toBe('crash')
    expect(result.outcome.kind === 'crash' && result.outcome.reason).toMatch(
      /^exit code 127 with the call in flight/,
    )
    expect(result.stderr).toMatch(/not found/)
  })

  it('leaves no process behind after close: not the client, not what it started', async () => {
    // Arrange
    const client = scripted()
    const { pid, child } = resultOf(await call(client, 'grandchild')) as {
      pid: number
      child: number
    }
    expect(alive(pid) && alive(child)).toBe(true)
    // Act
    await client.close()
    // Assert
    expect(await gone(pid)).toBe(true)
    expect(await gone(child)).toBe(true)
  })

  it('kills a process that does not exit when its stdin ends', { timeout: 10_000 }, async () => {
    const client = scripted({ ignoreEof: true })
    const pid = resultOf(await call(client, 'echo')).pid as number
    await client.close()
    expect(await gone(pid)).toBe(true)
  })

  it('ends the call in flight when the run is stopped', async () => {
    const client = scripted()
    const controller = new AbortController()
    const pending = client.call(
      {},
      { baseUrl: BASE_URL, scenarioId: 'hang', deadlineMs: 5000, signal: controller.signal },
    )
    setTimeout(() => {
      controller.abort()
    }, 100)
    expect((await pending).outcome).toEqual({ kind: 'hang', reason: 'the run was stopped' })
  })

  it('refuses a number of calls per process out of range when it is built', () => {
    expect(() => commandClientV2('true', { callsPerProcess: 0 })).toThrow(
      /callsPerProcess must be a whole number from 1 to 256, got 0/,
    )
  })
})

describe('protocol v2 under the harness', () => {
  const RUNNER = `"${process.execPath}" test/fixtures/clients/protocol-v2.mjs`
  const V1_RUNNER = `"${process.execPath}" test/fixtures/clients/protocol-v1.mjs`

  it(
    'passes the correct base client on the full catalog, one process per scenario in flight',
    { timeout: 60_000 },
    async () => {
      // Arrange
      const client = commandConformanceClient(RUNNER, {
        protocol: 2,
        env: process.env,
        cwd: packageRoot(),
      })
      // Act
      const report = await runConformance(client, { concurrency: 4 }).finally(() =>
        client.close?.(),
      )
      // Assert: the base client signs with its own clock, so it fails only corrects-clock (a should).
      expect(
        report.scenarios.flatMap((scenario) =>
          scenario.findings
            .filter((finding) => !finding.passed)
            .map((finding) => `${scenario.id}: ${finding.check}`),
        ),
      ).toEqual([
        'front-door.clock.ahead: corrects-clock',
        'front-door.clock.behind: corrects-clock',
      ])
      expect(report.verdict).toBe('pass')
      const started = report.scenarios.filter((scenario) =>
        scenario.stderr?.includes('protocol-v2: started'),
      )
      expect(started.length).toBeGreaterThanOrEqual(1)
      expect(started.length).toBeLessThanOrEqual(4)
    },
  )

  it.each([
    ['crashes-on-unknown-enum', ['failed-task.SomeFutureReasonCode', 'success.in-progress']],
    ['no-retries', ['retry.500-json.once', 'retry.reset-before.once', 'success.complete']],
    ['wrong-task-id', ['success']],
  ])('fails %s exactly as protocol v1 does', { timeout: 60_000 }, async (fixture, only) => {
    // Arrange
    const v1 = commandConformanceClient(`${V1_RUNNER} --defect ${fixture}`, {
      env: process.env,
      cwd: packageRoot(),
    })
    const v2 = commandConformanceClient(`${RUNNER} --defect ${fixture}`, {
      protocol: 2,
      env: process.env,
      cwd: packageRoot(),
    })
    // Act
    const [one, two] = await Promise.all([
      runConformance(v1, { only }),
      runConformance(v2, { only }).finally(() => v2.close?.()),
    ])
    // Assert
    const failed = (report: typeof one): string[] =>
      report.scenarios.flatMap((scenario) =>
        scenario.findings
          .filter((finding) => !finding.passed)
          .map((finding) => `${scenario.id} ${finding.check}`),
      )
    expect(failed(one).length).toBeGreaterThan(0)
    expect(failed(two)).toEqual(failed(one))
    expect(two.verdict).toBe(one.verdict)
  })
})
