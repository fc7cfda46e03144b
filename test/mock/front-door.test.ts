/**
 * The front door: credentials and their statuses, the server's clock, the common errors in the front
 * door's wire form, and what the real JS SDK does with each front-door scenario, in-process.
 */
import {
  StartEngagementByAcceptingInvitationTaskCommand,
  type StartEngagementByAcceptingInvitationTaskCommandOutput,
} from '@aws-sdk/client-partnercentral-selling'
import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { scenarioCatalog } from '../../src/harness/scenarios/catalog.js'
import { checkSignature } from '../../src/mock/check-signature.js'
import { parseCredentials } from '../../src/mock/credentials.js'
import { createSimulator, type SimulatorOptions } from '../../src/mock/simulator.js'
import { FRONT_DOOR_ERRORS, isFrontDoorErrorName } from '../../src/model/front-door-errors.js'
import { sdkClientFor, TEST_CREDENTIALS, type SdkErrorShape } from '../helpers/sdk-client.js'

const INPUT = { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc', ClientToken: 'fd-1' } as const
const KEY = {
  accessKeyId: TEST_CREDENTIALS.accessKeyId,
  secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
}

async function call(
  options: SimulatorOptions,
  maxAttempts = 3,
): Promise<{
  readonly outcome: StartEngagementByAcceptingInvitationTaskCommandOutput | SdkErrorShape
  readonly simulator: ReturnType<typeof createSimulator>
}> {
  const simulator = createSimulator(options)
  const outcome = await sdkClientFor(simulator, { maxAttempts })
    .send(new StartEngagementByAcceptingInvitationTaskCommand(INPUT))
    .catch((error: unknown) => error as SdkErrorShape)
  return { outcome, simulator }
}

const nameOf = (outcome: object): string =>
  'name' in outcome
    ? String(outcome.name)
    : `result ${String((outcome as { TaskStatus?: string }).TaskStatus)}`

describe('the front door: credentials', () => {
  it.each([
    ['expired', 'ExpiredTokenException', 'The security token included in the request is expired'],
    [
      'unknown',
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    ],
    ['denied', 'AccessDeniedException', /^User: arn:aws:iam::\d{12}:user\/eck is not authorized/],
    ['not-opted-in', 'OptInRequired', 'The AWS Access Key Id needs a subscription for the service'],
  ] as const)(
    'answers a key %s with %s at its JSON front-door status, once',
    async (status, name, message) => {
      const { outcome, simulator } = await call({ credentials: [{ ...KEY, status }] })
      const error = outcome as SdkErrorShape
      expect(error.name).toBe(name)
      expect(error.message).toMatch(message)
      expect(error.$metadata.httpStatusCode).toBe(FRONT_DOOR_ERRORS[name].httpStatus)
      const [entry, ...more] = simulator.journal()
      expect(more).toEqual([])
      expect(entry?.rejectedFor).toBe('credentials')
      expect(JSON.parse(entry?.response ?? '{}')).toEqual({
        __type: `com.amazon.coral.service#${name}`,
        message: error.message,
      })
      expect(simulator.tasks()).toEqual([])
    },
  )

  it('treats a key it does not list as unknown, and checks a session token', async () => {
    const stranger = await call({ credentials: [{ ...KEY, accessKeyId: 'AKIDOTHER' }] })
    expect(nameOf(stranger.outcome)).toBe('UnrecognizedClientException')
    const token = await call({ credentials: [{ ...KEY, sessionToken: 'FwoGZXIvYXdzEXAMPLE' }] })
    expect(nameOf(token.outcome)).toBe('UnrecognizedClientException')
    const valid = await call({ credentials: [{ ...KEY, status: 'valid' }] })
    expect(nameOf(valid.outcome)).toBe('result IN_PROGRESS')
  })

  it('verifies the signature with the listed secret', async () => {
    const { outcome, simulator } = await call({
      credentials: [{ ...KEY, secretAccessKey: 'another-secret' }],
    })
    expect(nameOf(outcome)).toBe('InvalidSignatureException')
    expect(simulator.journal()[0]?.rejectedFor).toBe('signature')
  })

  it('rejects malformed credential lists naming the place', () => {
    expect(() => parseCredentials({})).toThrow(/credentials: expected an array/)
    expect(() => parseCredentials([{ accessKeyId: 'A', status: 'stale' }])).toThrow(
      'credentials[0].status: expected one of valid, expired, unknown, denied, not-opted-in, got "stale".',
    )
    expect(() => parseCredentials([{ accessKeyId: 'A' }, { accessKeyId: 'A' }])).toThrow(
      /credentials\[1\]\.accessKeyId: A is listed twice/,
    )
    expect(() => parseCredentials([{ accessKeyId: 'A', secret: 'x' }])).toThrow(
      /credentials\[0\]\.secret: unknown member/,
    )
  })
})

describe('the front door: the clock', () => {
  it.each([
    [
      20 * 60_000,
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    ],
    [
      -20 * 60_000,
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/,
    ],
  ])(
    'refuses a request signed 20 minutes off a server clock skewed %i ms, with the server clock in Date',
    async (skewMs, message) => {
      const simulator = createSimulator({ clockSkewMs: skewMs })
      const before = Date.now()
      const outcome = await simulator.handle({
        method: 'POST',
        path: '/',
        headers: await signedHeaders(),
        body: new TextEncoder().encode(JSON.stringify(INPUT)),
      })
      expect(outcome.kind).toBe('respond')
      if (outcome.kind !== 'respond') return
      expect(outcome.response.status).toBe(400)
      expect(JSON.parse(outcome.response.body)).toMatchObject({
        __type: 'com.amazon.coral.service#InvalidSignatureException',
        message: expect.stringMatching(message) as unknown,
      })
      expect(outcome.response.headers['X-Amzn-Errortype']).toBe(
        'InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/',
      )
      const shown = Date.parse(outcome.response.headers.Date ?? '')
      expect(Math.abs(shown - (before + skewMs))).toBeLessThan(5_000)
      expect(simulator.journal()[0]).toMatchObject({ rejectedFor: 'clock', clockSkewMs: skewMs })
    },
  )

  it('lets the JS SDK correct its clock from Date and succeed on the retry, ahead and behind', async () => {
    for (const skewMs of [20 * 60_000, -20 * 60_000]) {
      const { outcome, simulator } = await call({ clockSkewMs: skewMs })
      expect(nameOf(outcome)).toBe('result IN_PROGRESS')
      expect(simulator.journal().map((entry) => entry.rejectedFor ?? entry.status)).toEqual([
        'clock',
        200,
      ])
    }
  })

  it('accepts a request 14 minutes off, and checks no time without a skew or a secret', async () => {
    const near = await call({ clockSkewMs: 14 * 60_000 })
    expect(nameOf(near.outcome)).toBe('result IN_PROGRESS')
    const check = checkSignature({
      method: 'POST',
      path: '/',
      headers: {
        ...(await signedHeaders()),
        'x-amz-date': '20200101T000000Z',
        authorization:
          (await signedHeaders()).authorization?.replace(/\/\d{8}\//, '/20200101/') ?? '',
      },
      body: new Uint8Array(),
    })
    expect(check).toMatchObject({ ok: true })
  })
})

describe('the front door: script steps', () => {
  it('answers a front-door step in the wire form of the front door, ahead of the signature', async () => {
    const simulator = createSimulator({
      script: {
        operations: {
          StartEngagementByAcceptingInvitationTask: {
            steps: [{ kind: 'front-door', name: 'ServiceUnavailable' }],
          },
        },
      },
    })
    const outcome = await simulator.handle({
      method: 'POST',
      path: '/',
      headers: {
        'x-amz-target': 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask',
      },
      body: new Uint8Array(),
    })
    expect(outcome.kind === 'respond' && outcome.response).toMatchObject({
      status: 503,
      headers: {
        'X-Amzn-Errortype':
          'ServiceUnavailable:http://internal.amazon.com/coral/com.amazon.coral.service/',
      },
      body: JSON.stringify({
        __type: 'com.amazon.coral.service#ServiceUnavailable',
        message: FRONT_DOOR_ERRORS.ServiceUnavailable.message,
      }),
    })
    expect(simulator.journal()[0]).toMatchObject({ step: 'front-door', attempt: 1 })
    expect(simulator.journal()[0]?.rejectedFor).toBeUndefined()
  })

  it('rejects an unknown front-door error name in a script, naming the known ones', () => {
    expect(() =>
      createSimulator({
        script: {
          operations: {
            StartEngagementByAcceptingInvitationTask: {
              steps: [{ kind: 'front-door', name: 'Nope' as never }],
            },
          },
        },
      }),
    ).toThrow(/steps\[0\]\.name: expected one of InternalFailure, ServiceUnavailable, /)
  })
})

describe('the JS SDK on every front-door scenario, in-process', () => {
  const scenarios = scenarioCatalog().filter((scenario) => scenario.id.startsWith('front-door.'))

  it('has the scenarios the issue asks for', () => {
    const ids = scenarios.map((scenario) => scenario.id)
    for (const name of Object.keys(FRONT_DOOR_ERRORS)) {
      expect(ids).toContain(`front-door.${name}.once`)
      expect(ids).toContain(`front-door.${name}.persistent`)
    }
    expect(ids).toEqual(
      expect.arrayContaining([
        'front-door.credentials.expired',
        'front-door.credentials.denied',
        'front-door.clock.ahead',
        'front-door.clock.behind',
        'front-door.ExpiredTokenException.status-403',
      ]),
    )
  })

  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s: the SDK ends as the scenario expects',
    async (_id, scenario) => {
      const { outcome, simulator } = await call(
        {
          signature: { secretAccessKey: KEY.secretAccessKey },
          ...(scenario.script === undefined ? {} : { script: scenario.script }),
          ...(scenario.credentials === undefined
            ? {}
            : { credentials: [{ ...KEY, status: scenario.credentials }] }),
        },
        3,
      )
      const attempts = simulator.journal().length
      const expected = scenario.expect
      switch (expected.kind) {
        case 'result':
          expect(nameOf(outcome)).toBe('result IN_PROGRESS')
          expect(attempts).toBe(expected.attempts)
          break
        case 'gives-up':
          expect(nameOf(outcome)).toBe(expected.name)
          expect(attempts).toBe(3)
          break
        case 'error':
          expect(nameOf(outcome)).toBe(expected.name)
          expect(attempts).toBe(1)
          expect(isFrontDoorErrorName(expected.name)).toBe(true)
          break
        default:
          // The clock: corrected from Date, then the result.
          expect(nameOf(outcome)).toBe('result IN_PROGRESS')
          expect(attempts).toBe(2)
      }
    },
  )
})

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape the Smithy signer wants. */
type SourceData = string | ArrayBuffer | ArrayBufferView

const bytesOf = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

class NodeSha256 {
  private readonly parts: (string | Uint8Array)[] = []
  private readonly secret: string | Uint8Array | undefined
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytesOf(secret)
  }
  update(data: SourceData): void {
    this.parts.push(bytesOf(data))
  }
  digest(): Promise<Uint8Array> {
    const hash =
      this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret)
    for (const part of this.parts) hash.update(part)
    return Promise.resolve(new Uint8Array(hash.digest()))
  }
}

async function signedHeaders(): Promise<Record<string, string>> {
  const { SignatureV4 } = await import('@smithy/signature-v4')
  const signer = new SignatureV4({
    credentials: KEY,
    region: 'us-east-1',
    service: 'partnercentral-selling',
    sha256: NodeSha256,
  })
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: 'localhost',
    path: '/',
    headers: {
      host: 'localhost',
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask',
    },
    body: JSON.stringify(INPUT),
  })
  return Object.fromEntries(
    Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
  )
}
