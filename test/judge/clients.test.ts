import { describe, expect, it } from 'vitest'
import { parseClientOutput } from '../../src/judge/client-outcome.js'
import { runCommandClient } from '../../src/judge/command-client.js'
import { runModuleClient } from '../../src/judge/module-client.js'

describe('parseClientOutput', () => {
  it.each([
    [
      'log line\n{"result":{"TaskStatus":"IN_PROGRESS","TaskId":"task-0123456789abc"}}\n\n',
      0,
      { kind: 'result', result: { TaskStatus: 'IN_PROGRESS', TaskId: 'task-0123456789abc' } },
    ],
    [
      '{"error":{"name":"ThrottlingException","message":"slow"}}',
      1,
      { kind: 'error', name: 'ThrottlingException', message: 'slow' },
    ],
  ] as const)('reads %j with exit %i', (stdout, code, outcome) => {
    expect(parseClientOutput(stdout, code)).toEqual(outcome)
  })

  it.each([
    ['{"result":{}}', 2, /exit code 2/],
    ['', 0, /no output line/],
    ['not json', 0, /not JSON/],
    ['[1]', 0, /not a JSON object/],
    ['{"error":{"name":"X"}}', 0, /exit code 0 needs/],
    ['{"result":{}}', 1, /exit code 1 needs/],
    ['{"result":{}}', null, /exit code null/],
  ] as const)('calls %j with exit %s a crash', (stdout, code, reason) => {
    const outcome = parseClientOutput(stdout, code)
    expect(outcome.kind).toBe('crash')
    expect(outcome.kind === 'crash' ? outcome.reason : '').toMatch(reason)
  })
})

describe('runCommandClient', () => {
  const base = {
    baseUrl: 'http://127.0.0.1:9/s/x',
    scenarioId: 'x',
    input: { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' },
  }

  it('gives the input on stdin and the protocol environment', async () => {
    // Arrange
    const command = `node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const i=JSON.parse(s);console.log(JSON.stringify({result:{TaskStatus:"IN_PROGRESS",TaskId:"task-0123456789abc",echo:i.Identifier,url:process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING,scenario:process.env.ECK_SCENARIO,imds:process.env.AWS_EC2_METADATA_DISABLED}}))})'`
    // Act
    const run = await runCommandClient({ ...base, command })
    // Assert
    expect(run.outcome).toEqual({
      kind: 'result',
      result: {
        TaskStatus: 'IN_PROGRESS',
        TaskId: 'task-0123456789abc',
        echo: 'engi-0123456789abc',
        url: base.baseUrl,
        scenario: 'x',
        imds: 'true',
      },
    })
  })

  it('reports an error, a crash and a command that does not exist', async () => {
    expect(
      (
        await runCommandClient({
          ...base,
          command: `echo '{"error":{"name":"ConflictException","message":"m"}}'; exit 1`,
        })
      ).outcome,
    ).toEqual({ kind: 'error', name: 'ConflictException', message: 'm' })
    expect(
      (await runCommandClient({ ...base, command: 'echo boom >&2; exit 3' })).outcome.kind,
    ).toBe('crash')
    expect(
      (await runCommandClient({ ...base, command: 'definitely-not-a-command-eck' })).outcome.kind,
    ).toBe('crash')
  })

  it('kills a client that hangs past the deadline, with what it started', async () => {
    const started = Date.now()
    const run = await runCommandClient({ ...base, command: 'sleep 30 & sleep 30', deadlineMs: 200 })
    expect(run.outcome.kind).toBe('hang')
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('runModuleClient', () => {
  const options = { baseUrl: 'http://127.0.0.1:9', scenarioId: 'y', deadlineMs: 200 }

  it('passes endpoint and credentials, and reads result and error reports', async () => {
    const result = await runModuleClient(
      (_input, context) =>
        Promise.resolve({
          result: { endpoint: context.endpoint, key: context.credentials.accessKeyId },
        }),
      {},
      options,
    )
    expect(result).toEqual({
      kind: 'result',
      result: { endpoint: 'http://127.0.0.1:9', key: 'AKIDEXAMPLE' },
    })
    expect(
      await runModuleClient(
        () => Promise.resolve({ error: { name: 'TimeoutError' } }),
        {},
        options,
      ),
    ).toEqual({ kind: 'error', name: 'TimeoutError', message: '' })
  })

  it('calls a throw or a malformed report a crash, and the deadline a hang that aborts the signal', async () => {
    expect(
      (await runModuleClient(() => Promise.reject(new TypeError('x is undefined')), {}, options))
        .kind,
    ).toBe('crash')
    expect((await runModuleClient(() => Promise.resolve({} as never), {}, options)).kind).toBe(
      'crash',
    )
    let aborted = false
    const outcome = await runModuleClient(
      (_input, context) =>
        new Promise(() => {
          context.signal.addEventListener('abort', () => (aborted = true))
        }),
      {},
      options,
    )
    expect(outcome.kind).toBe('hang')
    expect(aborted).toBe(true)
  })
})
