/**
 * The simulator's speed: requests per second on loopback next to a plain `node:http` server answering
 * the same body (the load comes from another process), and the in-process cost per AWS SDK call through
 * each transport.
 */
import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { HttpResponse } from '@smithy/core/protocols'
import {
  PartnerCentralSellingClient,
  StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling'
import { setupServer } from 'msw/node'
import { Readable } from 'node:stream'
import { createHandlers } from '../src/mock/handlers.js'
import { createRequestHandler } from '../src/mock/request-handler.js'
import { startMockServer } from '../src/mock/server.js'
import { createSimulator } from '../src/mock/simulator.js'
import { formatRate } from './measure.js'

const run = promisify(execFile)
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask',
  'x-amz-date': '20261126T101112Z',
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
}
const BODIES = Array.from({ length: 100 }, (_, i) =>
  JSON.stringify({
    Catalog: 'Sandbox',
    Identifier: 'engi-0123456789abc',
    ClientToken: `bench-${i}`,
  }),
)

async function load(url: string): Promise<number> {
  const client = fileURLToPath(new URL('./load-client.js', import.meta.url))
  const { stdout } = await run(process.execPath, [
    client,
    url,
    '50',
    '4000',
    JSON.stringify(HEADERS),
    JSON.stringify(BODIES),
  ])
  return (JSON.parse(stdout) as { perSecond: number }).perSecond
}

async function loopback(): Promise<string[]> {
  const server = await startMockServer()
  // The plain server answers exactly what the simulator answers for these requests.
  const sample = await fetch(`${server.url}/`, {
    method: 'POST',
    headers: HEADERS,
    body: BODIES[0] ?? '{}',
  })
  const answer = await sample.text()
  const plain = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, {
        'Content-Type': 'application/x-amz-json-1.0',
        Date: new Date().toUTCString(),
        'Content-Length': Buffer.byteLength(answer),
      })
      res.end(answer)
    })
  })
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
  const address = plain.address()
  const plainUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`
  await load(plainUrl) // warm-up
  const simulatorRate = await load(`${server.url}/`)
  const plainRate = await load(plainUrl)
  await server.close()
  plain.close()
  return [
    '| loopback (50 keep-alive connections from another process, 4 s) | requests per second |',
    '|---|---:|',
    `| eck simulator (auth form, validation, idempotent replay, journal) | ${formatRate(simulatorRate)} |`,
    `| plain node:http returning the same body | ${formatRate(plainRate)} |`,
    `| **ratio simulator / plain** | **${(simulatorRate / plainRate).toFixed(2)}** |`,
  ]
}

async function perCall(
  name: string,
  client: PartnerCentralSellingClient,
  calls = 2000,
): Promise<string> {
  const command = (i: number) =>
    new StartEngagementByAcceptingInvitationTaskCommand({
      Catalog: 'Sandbox',
      Identifier: 'engi-0123456789abc',
      ClientToken: `c-${i % 100}`,
    })
  for (let i = 0; i < 200; i++) await client.send(command(i))
  const started = performance.now()
  for (let i = 0; i < calls; i++) await client.send(command(i))
  return `| ${name} | ${((performance.now() - started) / calls).toFixed(3)} |`
}

async function inProcess(): Promise<string[]> {
  const base = { region: 'us-east-1', credentials, maxAttempts: 1 }
  const viaHandler = new PartnerCentralSellingClient({
    ...base,
    endpoint: 'http://127.0.0.1:1',
    requestHandler: createRequestHandler(createSimulator()),
  })
  const stubBody = JSON.stringify({
    TaskId: 'task-0123456789abc',
    TaskStatus: 'IN_PROGRESS',
    StartTime: '2026-11-26T10:11:12.000Z',
  })
  const stub = new PartnerCentralSellingClient({
    ...base,
    endpoint: 'http://127.0.0.1:1',
    requestHandler: {
      handle: () =>
        Promise.resolve({
          response: new HttpResponse({
            statusCode: 200,
            headers: { 'content-type': 'application/x-amz-json-1.0' },
            body: Readable.from([Buffer.from(stubBody)]),
          }),
        }),
      updateHttpClientConfig: () => undefined,
      httpHandlerConfigs: () => ({}),
    },
  })
  const rows = ['| in-process, per SDK call (2,000 sequential calls) | ms |', '|---|---:|']
  rows.push(await perCall('createRequestHandler(simulator)', viaHandler))
  rows.push(await perCall('stub request handler returning a fixed body (the floor)', stub))
  const mswSimulator = createSimulator()
  const msw = setupServer(...createHandlers(mswSimulator, { baseUrl: 'http://127.0.0.1:9' }))
  msw.listen({ onUnhandledRequest: 'error' })
  rows.push(
    await perCall(
      'msw setupServer(createHandlers(simulator)) interception',
      new PartnerCentralSellingClient({ ...base, endpoint: 'http://127.0.0.1:9' }),
    ),
  )
  msw.close()
  const server = await startMockServer()
  rows.push(
    await perCall(
      'loopback server, default SDK HTTP handler',
      new PartnerCentralSellingClient({ ...base, endpoint: server.url }),
    ),
  )
  await server.close()
  return rows
}

/**
 * Runs the simulator benchmark.
 * @returns Markdown table rows.
 */
export async function benchSimulator(): Promise<string[]> {
  return [...(await loopback()), '', ...(await inProcess())]
}
