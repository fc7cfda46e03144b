import { createHash, createHmac } from 'node:crypto'
import { connect } from 'node:net'
import { SignatureV4 } from '@smithy/signature-v4'
import {
  ListEngagementByAcceptingInvitationTasksCommand,
  PartnerCentralSellingClient,
  StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '../../src/mock/server.js'
import { ERROR_INFO, ERROR_NAMES } from '../../src/model/errors.js'
import { createSimulator } from '../../src/mock/simulator.js'
import {
  sdkClientAt,
  sdkClientFor,
  TEST_CREDENTIALS,
  type SdkErrorShape,
} from '../helpers/sdk-client.js'

const input = { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc', ClientToken: 'token-1' }
const start = (i: object = input) => new StartEngagementByAcceptingInvitationTaskCommand(i as never)
const bytesOf = (data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

class Sha256 {
  private readonly hash
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret))
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytesOf(data))
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()))
  }
}

let server: MockServer
let scenarioCount = 0
const scenario = (): string => `t${++scenarioCount}`

async function script(id: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.scenarioUrl(id)}/__eck/script`, {
    method: 'PUT',
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(200)
}

beforeAll(async () => {
  server = await startMockServer()
})
afterAll(async () => {
  await server.close()
})

describe('the loopback simulator with the real AWS SDK', () => {
  it('binds to 127.0.0.1 and starts a task', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const id = scenario()
    const output = await sdkClientAt(server.scenarioUrl(id)).send(start())
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(server.simulator(id).journal()[0]?.path).toBe('/')
  })

  it.each(ERROR_NAMES.map((name) => [name]))(
    'delivers %s with its status and name',
    async (name) => {
      const id = scenario()
      await script(id, {
        operations: { StartEngagementByAcceptingInvitationTask: { then: { kind: 'error', name } } },
      })
      const error = (await sdkClientAt(server.scenarioUrl(id), 1)
        .send(start())
        .catch((e: unknown) => e)) as SdkErrorShape
      expect(error.name).toBe(name)
      expect(error.$metadata.httpStatusCode).toBe(ERROR_INFO[name].httpStatus)
    },
  )

  it('retries 429 with the same ClientToken, and a real ECONNRESET', async () => {
    // Arrange
    const id = scenario()
    await script(id, {
      operations: {
        StartEngagementByAcceptingInvitationTask: {
          steps: [
            { kind: 'error', name: 'ThrottlingException', status: 429 },
            { kind: 'reset-before' },
          ],
        },
      },
    })
    // Act
    const output = await sdkClientAt(server.scenarioUrl(id)).send(
      start({ Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' }),
    )
    // Assert
    const journal = server.simulator(id).journal()
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(journal.map((entry) => entry.outcome)).toEqual(['respond', 'reset-before', 'respond'])
    expect(
      new Set(
        journal.map((entry) => (JSON.parse(entry.body) as { ClientToken?: string }).ClientToken),
      ).size,
    ).toBe(1)
  })

  it('gives SyntaxError on an HTML 502', async () => {
    const id = scenario()
    await script(id, {
      operations: {
        StartEngagementByAcceptingInvitationTask: {
          then: { kind: 'http', status: 502, body: 'html' },
        },
      },
    })
    const error = (await sdkClientAt(server.scenarioUrl(id))
      .send(start())
      .catch((e: unknown) => e)) as Error
    expect(error.name).toBe('SyntaxError')
  })

  it('replays the same task after a lost response: one task only', async () => {
    const id = scenario()
    await script(id, {
      operations: {
        StartEngagementByAcceptingInvitationTask: { steps: [{ kind: 'reset-after' }] },
      },
    })
    const output = await sdkClientAt(server.scenarioUrl(id)).send(start())
    expect(server.simulator(id).tasks()).toHaveLength(1)
    expect(output.TaskId).toBe(server.simulator(id).tasks()[0]?.TaskId)
  })

  it('polls List to COMPLETE', async () => {
    const id = scenario()
    const client = sdkClientAt(server.scenarioUrl(id))
    const { TaskId } = await client.send(start())
    const poll = () =>
      client.send(
        new ListEngagementByAcceptingInvitationTasksCommand({
          Catalog: 'Sandbox',
          TaskIdentifier: [TaskId ?? ''],
        }),
      )
    expect((await poll()).TaskSummaries?.[0]?.TaskStatus).toBe('IN_PROGRESS')
    expect((await poll()).TaskSummaries?.[0]?.TaskStatus).toBe('COMPLETE')
  })

  it('polls List to FAILED for an expired invitation', async () => {
    const id = scenario()
    const client = sdkClientAt(server.scenarioUrl(id))
    const { TaskId } = await client.send(start({ ...input, Identifier: 'engi-expired000001' }))
    const poll = () =>
      client.send(
        new ListEngagementByAcceptingInvitationTasksCommand({
          Catalog: 'Sandbox',
          TaskIdentifier: [TaskId ?? ''],
        }),
      )
    await poll()
    expect((await poll()).TaskSummaries?.[0]).toMatchObject({
      TaskStatus: 'FAILED',
      ReasonCode: 'InvitationValidationFailed',
    })
  })

  it('dribbles a body slowly and the SDK still reads it', async () => {
    const id = scenario()
    await script(id, {
      operations: {
        StartEngagementByAcceptingInvitationTask: {
          then: { kind: 'pass', dribbleMs: 30, chunks: 5 },
        },
      },
    })
    const started = Date.now()
    const output = await sdkClientAt(server.scenarioUrl(id)).send(start())
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
  })

  it('keeps scenarios apart: the same token in two scenarios makes two tasks', async () => {
    const [a, b] = [scenario(), scenario()]
    await sdkClientAt(server.scenarioUrl(a)).send(start())
    await sdkClientAt(server.scenarioUrl(b)).send(start())
    expect(server.simulator(a).tasks()).toHaveLength(1)
    expect(server.simulator(b).tasks()).toHaveLength(1)
    expect(server.simulator(a).tasks()[0]?.TaskId).not.toBe(undefined)
  })
})

describe('admin routes', () => {
  it('serves the journal with secrets redacted, resets, and rejects a bad script with the reason', async () => {
    // Arrange
    const id = scenario()
    await sdkClientAt(server.scenarioUrl(id)).send(start())
    // Act
    const journal = (await (await fetch(`${server.scenarioUrl(id)}/__eck/journal`)).json()) as {
      headers: Record<string, string>
    }[]
    const bad = await fetch(`${server.scenarioUrl(id)}/__eck/script`, {
      method: 'PUT',
      body: '{"operations":{"Nope":{}}}',
    })
    const reset = await fetch(`${server.scenarioUrl(id)}/__eck/reset`, { method: 'POST' })
    // Assert
    expect(journal[0]?.headers.authorization).toMatch(/Signature=<redacted>$/)
    expect(JSON.stringify(journal)).not.toContain(TEST_CREDENTIALS.secretAccessKey)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(
      /unknown operation; known: StartEngagementByAcceptingInvitationTask/,
    )
    expect(reset.status).toBe(200)
    expect(server.simulator(id).tasks()).toHaveLength(0)
  })
})

describe('wire errors', () => {
  const post = (headers: Record<string, string>, body: string | Uint8Array = '{}') =>
    fetch(`${server.url}/`, { method: 'POST', headers, body })
  const signed = {
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host;x-amz-date, Signature=' +
      'a'.repeat(64),
    'x-amz-date': '20261126T000000Z',
  }
  const target = {
    'x-amz-target': 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask',
    'content-type': 'application/x-amz-json-1.0',
  }

  it.each([
    [{}, 400, 'MissingAuthenticationTokenException'],
    [{ authorization: 'Bearer x' }, 400, 'IncompleteSignatureException'],
    [
      { ...signed, authorization: signed.authorization.replace('partnercentral-selling', 's3') },
      400,
      'InvalidSignatureException',
    ],
    [
      { ...signed, authorization: signed.authorization.replace('us-east-1', 'eu-west-1') },
      400,
      'InvalidSignatureException',
    ],
    [{ ...signed, 'content-type': 'application/x-amz-json-1.0' }, 400, 'UnknownOperationException'],
    [
      { ...signed, ...target, 'x-amz-target': 'AWSPartnerCentralSelling.DeleteEverything' },
      400,
      'UnknownOperationException',
    ],
    [{ ...signed, ...target, 'content-type': 'application/json' }, 400, 'SerializationException'],
  ])('answers %j with %i %s', async (headers, status, name) => {
    const response = await post(headers)
    expect(response.status).toBe(status)
    expect(((await response.json()) as { __type: string }).__type).toContain(name)
  })

  it('redacts any Authorization that is not SigV4, and presigned query secrets, in the journal', async () => {
    const id = scenario()
    await fetch(
      `${server.scenarioUrl(id)}/?X-Amz-Signature=deadbeef&X-Amz-Security-Token=QUERYSECRET`,
      { method: 'POST', headers: { authorization: 'Bearer MYBEARERSECRET' }, body: '{}' },
    )
    const text = JSON.stringify(server.simulator(id).journal())
    expect(text).not.toContain('MYBEARERSECRET')
    expect(text).not.toContain('QUERYSECRET')
    expect(text).not.toContain('deadbeef')
  })

  it.each([
    ['text that is not JSON', '{"Catalog": '],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])],
    ['a JSON array', '[]'],
  ])('answers %s with 400 SerializationException', async (_, body) => {
    const response = await post({ ...signed, ...target }, body)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { __type: string }).__type).toContain(
      'SerializationException',
    )
  })

  it('answers JSON nested 100,000 levels deep with a ValidationException and keeps serving', async () => {
    const deep = `{"Catalog":${'['.repeat(100_000)}${']'.repeat(100_000)},"ClientToken":"t","Identifier":"engi-0123456789abc"}`
    const response = await post({ ...signed, ...target }, deep)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { __type: string }).__type).toContain('ValidationException')
  })

  it('answers a body over 1 MiB with 413 and keeps serving', async () => {
    const response = await post({ ...signed, ...target }, `{"x":"${'a'.repeat(1024 * 1024)}"}`)
    expect(response.status).toBe(413)
    const ok = await sdkClientAt(server.scenarioUrl(scenario())).send(start())
    expect(ok.TaskStatus).toBe('IN_PROGRESS')
  })

  it('answers a declared Content-Length far over 1 MiB (past the 16 MiB drain) with 413 before the body is sent', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      let text = ''
      const socket = connect(server.port, '127.0.0.1', () => {
        const head = Object.entries({
          ...signed,
          ...target,
          host: `127.0.0.1:${server.port}`,
          'content-length': String(2 ** 31),
        })
        socket.write(
          `POST / HTTP/1.1\r\n${head.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n{`,
        )
      })
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
      socket.on('close', () => {
        resolve(text)
      })
      socket.on('error', reject)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 413 /)
    expect(reply).toContain('SerializationException')
  })

  it('drains a body just over 1 MiB before its 413, so that a client sees the answer, not a reset', async () => {
    // Arrange: a body the client writes in full before it reads (a reset would fail the write)
    const id = scenario()
    const body = JSON.stringify({
      Catalog: 'Sandbox',
      Identifier: 'engi-0123456789abc',
      ClientToken: 'x'.repeat(1024 * 1024),
    })
    // Act
    const response = await fetch(`${server.scenarioUrl(id)}/`, {
      method: 'POST',
      headers: { ...signed, ...target },
      body,
    })
    // Assert
    expect(response.status).toBe(413)
    expect(await response.text()).toContain('SerializationException')
  })

  it('survives a client that disconnects mid-request, state intact', async () => {
    // Arrange
    const id = scenario()
    await sdkClientAt(server.scenarioUrl(id)).send(start())
    // Act
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(
          `POST /s/${id}/ HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"Catalog":`,
        )
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 20)
      })
    })
    // Assert
    const again = await sdkClientAt(server.scenarioUrl(id)).send(start())
    expect(server.simulator(id).tasks()).toHaveLength(1)
    expect(again.TaskId).toBe(server.simulator(id).tasks()[0]?.TaskId)
  })

  it('serves 500 concurrent connections', async () => {
    const id = scenario()
    const client = new PartnerCentralSellingClient({
      region: 'us-east-1',
      endpoint: server.scenarioUrl(id),
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    })
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, (_, i) =>
        client.send(start({ ...input, ClientToken: `c-${i % 50}` })),
      ),
    )
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    expect(server.simulator(id).tasks()).toHaveLength(50)
  })
})

describe('signature verification with a secret', () => {
  it('accepts the SDK signature, rejects a wrong secret', async () => {
    // Arrange
    const verifying = await startMockServer({
      signature: { secretAccessKey: TEST_CREDENTIALS.secretAccessKey },
    })
    try {
      const wrong = new PartnerCentralSellingClient({
        region: 'us-east-1',
        endpoint: verifying.url,
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-the-secret' },
        maxAttempts: 1,
      })
      // Act
      const ok = await sdkClientAt(verifying.url).send(start())
      const error = (await wrong.send(start()).catch((e: unknown) => e)) as SdkErrorShape
      // Assert
      expect(ok.TaskStatus).toBe('IN_PROGRESS')
      expect((await sdkClientAt(verifying.scenarioUrl('signed')).send(start())).TaskStatus).toBe(
        'IN_PROGRESS',
      )
      expect(error.name).toBe('InvalidSignatureException')
      expect(error.$metadata.httpStatusCode).toBe(400)
    } finally {
      await verifying.close()
    }
  })
})

describe('signature verification of a client that is not the SDK', () => {
  it('accepts a signature over exactly the headers the client signed (no X-Amz-Content-Sha256)', async () => {
    const verifying = await startMockServer({
      signature: { secretAccessKey: TEST_CREDENTIALS.secretAccessKey },
    })
    try {
      const url = new URL(`${verifying.scenarioUrl('plain')}/`)
      const body = JSON.stringify({
        Catalog: 'Sandbox',
        Identifier: 'engi-0123456789abc',
        ClientToken: 'plain-1',
      })
      const signer = new SignatureV4({
        credentials: TEST_CREDENTIALS,
        region: 'us-east-1',
        service: 'partnercentral-selling',
        sha256: Sha256,
        applyChecksum: false,
      })
      const headers = {
        host: url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask',
      }
      const signed = await signer.sign({
        method: 'POST',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query: {},
        headers,
        body,
      })
      expect(signed.headers['authorization']).not.toContain('x-amz-content-sha256')
      const response = await fetch(url, { method: 'POST', headers: signed.headers, body })
      expect(response.status).toBe(200)
      const tampered = await fetch(url, {
        method: 'POST',
        headers: signed.headers,
        body: body.replace('plain-1', 'plain-2'),
      })
      expect(tampered.status).toBe(400)
    } finally {
      await verifying.close()
    }
  })
})

describe('signature expiry with a secret', () => {
  it('rejects a request signed more than 15 minutes from the clock, either way, and accepts one within', async () => {
    const skewed = (offsetMs: number) =>
      createSimulator({
        signature: {
          secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
          now: () => Date.now() + offsetMs,
        },
      })
    const late = (await sdkClientFor(skewed(16 * 60_000), { maxAttempts: 1 })
      .send(start())
      .catch((e: unknown) => e)) as SdkErrorShape
    const early = (await sdkClientFor(skewed(-16 * 60_000), { maxAttempts: 1 })
      .send(start())
      .catch((e: unknown) => e)) as SdkErrorShape
    const within = await sdkClientFor(skewed(14 * 60_000), { maxAttempts: 1 }).send(start())
    expect(late.name).toBe('InvalidSignatureException')
    expect(late.$metadata.httpStatusCode).toBe(400)
    expect(late.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    )
    expect(early.message).toMatch(/^Signature not yet current: /)
    expect(within.TaskStatus).toBe('IN_PROGRESS')
  })
})

describe('scenario lifetime', () => {
  it('frees a scenario with DELETE <scenario>/__eck/scenario; the next request starts afresh', async () => {
    const id = scenario()
    await sdkClientAt(server.scenarioUrl(id)).send(start())
    const before = server.scenarioCount()
    const deleted = await fetch(`${server.scenarioUrl(id)}/__eck/scenario`, { method: 'DELETE' })
    expect(await deleted.json()).toEqual({ ok: true, deleted: true })
    expect(server.scenarioCount()).toBe(before - 1)
    const again = await fetch(`${server.scenarioUrl(id)}/__eck/scenario`, { method: 'DELETE' })
    expect(await again.json()).toEqual({ ok: true, deleted: false })
    expect(server.simulator(id).tasks()).toEqual([])
  })

  it('refuses a scenario past maxScenarios with a 503 that says how to free one, and keeps the others', async () => {
    const small = await startMockServer({ maxScenarios: 2 })
    try {
      await sdkClientAt(small.scenarioUrl('a')).send(start())
      const error = (await sdkClientAt(small.scenarioUrl('b'), 1)
        .send(start())
        .catch((e: unknown) => e)) as SdkErrorShape
      expect(error.$metadata.httpStatusCode).toBe(503)
      expect(error.message).toMatch(
        /2 scenarios already hold state.*DELETE \/s\/<scenario>\/__eck\/scenario/,
      )
      expect(small.simulator('a').tasks()).toHaveLength(1)
      expect(() => small.simulator('c')).toThrow(/maxScenarios/)
      expect(small.deleteScenario('a')).toBe(true)
      const output = await sdkClientAt(small.scenarioUrl('b')).send(start())
      expect(output.TaskStatus).toBe('IN_PROGRESS')
    } finally {
      await small.close()
    }
  })
})

describe('delivery', () => {
  it('marks an answer the client never got (it was gone first) as delivered: false', async () => {
    const id = scenario()
    await script(id, {
      operations: {
        StartEngagementByAcceptingInvitationTask: { steps: [{ kind: 'pass', latencyMs: 300 }] },
      },
    })
    const { NodeHttpHandler } = await import('@smithy/node-http-handler')
    const impatient = new PartnerCentralSellingClient({
      region: 'us-east-1',
      endpoint: server.scenarioUrl(id),
      credentials: TEST_CREDENTIALS,
      maxAttempts: 2,
      requestHandler: new NodeHttpHandler({ requestTimeout: 100, throwOnRequestTimeout: true }),
    })
    const output = await impatient.send(start())
    await new Promise((resolve) => setTimeout(resolve, 350))
    const journal = server.simulator(id).journal()
    expect(output.TaskStatus).toBe('IN_PROGRESS')
    expect(journal.map((entry) => entry.delivered)).toEqual([false, undefined])
    expect(server.simulator(id).tasks()).toHaveLength(1)
  })
})

describe('scenarios on demand', () => {
  it('answers 404 for an unknown scenario when scenariosOnDemand is false, and keeps no state for it', async () => {
    const strict = await startMockServer({ scenariosOnDemand: false })
    try {
      const late = await fetch(`${strict.scenarioUrl('ended')}/`, { method: 'POST', body: '{}' })
      expect(late.status).toBe(404)
      expect(((await late.json()) as { Message: string }).Message).toMatch(/No scenario "ended"/)
      expect(strict.scenarioCount()).toBe(1)
      strict.simulator('started')
      expect((await sdkClientAt(strict.scenarioUrl('started')).send(start())).TaskStatus).toBe(
        'IN_PROGRESS',
      )
    } finally {
      await strict.close()
    }
  })
})
