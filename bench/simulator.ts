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
import { formatRate, ratioOf, rateRows, ratioRows, type Ratio, type Rounds } from './measure.js'
import { BENCH_HEADERS, benchBodies } from './load-request.js'
import type { SuiteReport } from './bench-json.js'

const run = promisify(execFile)
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const HEADERS = BENCH_HEADERS
const BODIES = benchBodies('bench-')

/** Recorded rounds; in each, the load takes turns between the servers in slices. */
const ROUNDS = 7
const SLICE_MS = 250
const SLICES_PER_SIDE = 8
const CONCURRENCY = 50
const SIMULATOR = 'eck simulator (auth form, validation, idempotent replay, journal)'
const PLAIN = 'plain node:http reading the body and returning the same JSON'

/**
 * One round from the load-generator process: the URLs take turns in slices.
 * @returns Requests per second of each URL, in the order given.
 */
async function load(urls: readonly string[]): Promise<number[]> {
  const client = fileURLToPath(new URL('./load-client.js', import.meta.url))
  const { stdout } = await run(process.execPath, [
    client,
    JSON.stringify(urls),
    String(CONCURRENCY),
    String(SLICE_MS),
    String(SLICES_PER_SIDE),
    JSON.stringify(HEADERS),
    JSON.stringify(BODIES),
  ])
  const result = JSON.parse(stdout) as { perSecond: number[]; failed: number[] }
  const failed = result.failed.reduce((sum, count) => sum + count, 0)
  if (failed > 0) throw new Error(`${failed} requests of the loopback benchmark did not get a 200`)
  return result.perSecond
}

async function loopback(): Promise<{ lines: string[]; rounds: Rounds; ratio: Ratio }> {
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
  const sides = [
    { name: SIMULATOR, url: `${server.url}/` },
    { name: PLAIN, url: plainUrl },
  ]
  await load(sides.map((side) => side.url)) // warm-up
  const rates: Record<string, number[]> = { [SIMULATOR]: [], [PLAIN]: [] }
  for (let round = 0; round < ROUNDS; round++) {
    // Which server takes the first slice alternates from round to round.
    const order = round % 2 === 0 ? sides : [...sides].reverse()
    const measured = await load(order.map((side) => side.url))
    order.forEach((side, k) => rates[side.name]?.push(measured[k] ?? Number.NaN))
    console.error(
      `[bench] simulator round ${round + 1}/${ROUNDS}: ${sides.map((side) => `${side.name.split(' (')[0] ?? ''} ${formatRate(rates[side.name]?.[round] ?? Number.NaN)}`).join(', ')}`,
    )
  }
  await server.close()
  plain.close()
  const rounds: Rounds = { rates, rounds: ROUNDS }
  const ratio = ratioOf('loopback: simulator / plain node:http', rounds, SIMULATOR, PLAIN, {
    atLeast: 0.8,
  })
  return {
    rounds,
    ratio,
    lines: [
      `Loopback: ${CONCURRENCY} keep-alive connections from another process; ${ROUNDS} rounds in which the load takes turns between the two servers in ${SLICE_MS} ms slices (${(SLICE_MS * SLICES_PER_SIDE) / 1000} s per server per round):`,
      '',
      ...rateRows(rounds, 'loopback, requests per second'),
      '',
      ...ratioRows([ratio]),
    ],
  }
}

async function perCall(
  name: string,
  client: PartnerCentralSellingClient,
  calls = 2000,
): Promise<{ name: string; ms: number }> {
  const command = (i: number) =>
    new StartEngagementByAcceptingInvitationTaskCommand({
      Catalog: 'Sandbox',
      Identifier: 'engi-0123456789abc',
      ClientToken: `c-${i % 100}`,
    })
  for (let i = 0; i < 200; i++) await client.send(command(i))
  const started = performance.now()
  for (let i = 0; i < calls; i++) await client.send(command(i))
  return { name, ms: (performance.now() - started) / calls }
}

async function inProcess(): Promise<{ name: string; ms: number }[]> {
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
  const rows: { name: string; ms: number }[] = []
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
 * @returns Markdown lines and figures.
 */
export async function benchSimulator(): Promise<SuiteReport> {
  const measured = await loopback()
  const perCall = await inProcess()
  return {
    lines: [
      ...measured.lines,
      '',
      '| in-process, per SDK call (2,000 sequential calls) | ms |',
      '|---|---:|',
      ...perCall.map((row) => `| ${row.name} | ${row.ms.toFixed(3)} |`),
    ],
    figures: {
      loopback: {
        unit: 'requests per second',
        rounds: ROUNDS,
        sliceMs: SLICE_MS,
        slicesPerSide: SLICES_PER_SIDE,
        concurrency: CONCURRENCY,
        rates: measured.rounds.rates,
      },
      ratios: [measured.ratio],
      inProcessMsPerCall: perCall,
    },
  }
}
