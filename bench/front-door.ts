/**
 * What the front door costs on the valid path: the simulator before the split (the frozen copy in
 * `legacy-simulator.ts`) against the simulator now, in alternating rounds in one process. In-process:
 * `handle()` of a valid, signed Start request. On loopback: the same minimal `node:http` adapter in front
 * of each, next to a plain `node:http` server answering the same body (the load comes from another
 * process), so the ratio to plain `node:http` is measured before and after the split in the same run.
 */
import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createSimulator } from '../src/mock/simulator.js'
import type { Outcome, WireRequest } from '../src/mock/wire.js'
import { createLegacySimulator } from './legacy-simulator.js'
import type { SuiteReport } from './bench-json.js'
import {
  alternateRounds,
  cpuMs,
  rateRows,
  ratioOf,
  ratioRows,
  type Ratio,
  type Work,
} from './measure.js'
import { BENCH_HEADERS, benchBodies } from './load-request.js'

const run = promisify(execFile)
const HEADERS = BENCH_HEADERS
const BODIES = benchBodies('fd-')
const REQUESTS: WireRequest[] = BODIES.map((body) => ({
  method: 'POST',
  path: '/',
  headers: { ...HEADERS, host: 'localhost' },
  body: new TextEncoder().encode(body),
}))

interface Core {
  handle(request: WireRequest): Promise<Outcome>
}

/** A slice of 200 valid Start requests through a core, in CPU time (the machine is shared). */
function sliceOf(core: Core): () => Promise<Work> {
  let next = 0
  return async () => {
    const started = cpuMs()
    for (let k = 0; k < 200; k++) {
      const outcome = await core.handle(REQUESTS[next++ % REQUESTS.length] as WireRequest)
      if (outcome.kind !== 'respond' || outcome.response.status !== 200)
        throw new Error(`the bench request was not answered 200: ${JSON.stringify(outcome)}`)
    }
    return { count: 200, ms: cpuMs() - started }
  }
}

async function inProcess(): Promise<{ lines: string[]; ratio: Ratio }> {
  const measured = await alternateRounds(
    [
      { name: 'before the split (one function)', slice: sliceOf(createLegacySimulator()) },
      {
        name: 'after the split (front door, operation module, fault step)',
        slice: sliceOf(createSimulator()),
      },
    ],
    { rounds: 9, slices: 20 },
    (line) => {
      console.error(`[bench] front-door ${line}`)
    },
  )
  const ratio = ratioOf(
    'in-process handle(): after the split / before',
    measured,
    'after the split (front door, operation module, fault step)',
    'before the split (one function)',
    { atLeast: 0.95 },
  )
  return {
    ratio,
    lines: [
      'In-process `handle()` of a valid, signed Start request (9 alternating rounds of 20 slices of 200 requests each, per CPU second):',
      '',
      ...rateRows(measured, 'requests per CPU second'),
      '',
      ...ratioRows([ratio]),
    ],
  }
}

/** A minimal loopback adapter around a core, the same for both (no delivery notes, no admin routes). */
async function serve(
  core: Core | undefined,
  answer: string,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (core === undefined) {
        res.writeHead(200, {
          'Content-Type': 'application/x-amz-json-1.0',
          Date: new Date().toUTCString(),
          'Content-Length': Buffer.byteLength(answer),
        })
        res.end(answer)
        return
      }
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers[name] = value
      void core
        .handle({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers,
          body: Buffer.concat(chunks),
        })
        .then((outcome) => {
          if (outcome.kind !== 'respond') {
            res.destroy()
            return
          }
          res.writeHead(outcome.response.status, outcome.response.headers)
          res.end(outcome.response.body)
        })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    server,
    url: `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}/`,
  }
}

async function load(urls: readonly string[]): Promise<number[]> {
  const client = fileURLToPath(new URL('./load-client.js', import.meta.url))
  const { stdout } = await run(process.execPath, [
    client,
    JSON.stringify(urls),
    '50',
    '250',
    '6',
    JSON.stringify(HEADERS),
    JSON.stringify(BODIES),
  ])
  const result = JSON.parse(stdout) as { perSecond: number[]; failed: number[] }
  if (result.failed.some((count) => count > 0))
    throw new Error('some requests of the front-door loopback benchmark did not get a 200')
  return result.perSecond
}

async function loopback(): Promise<{ lines: string[]; ratios: Ratio[] }> {
  const sample = await createSimulator().handle(REQUESTS[0] as WireRequest)
  const answer = sample.kind === 'respond' ? sample.response.body : '{}'
  const sides = [
    { name: 'before the split', ...(await serve(createLegacySimulator(), answer)) },
    { name: 'after the split', ...(await serve(createSimulator(), answer)) },
    { name: 'plain node:http', ...(await serve(undefined, answer)) },
  ]
  const urls = sides.map((side) => side.url)
  await load(urls) // warm-up
  const rates: Record<string, number[]> = Object.fromEntries(sides.map((side) => [side.name, []]))
  const rounds = 5
  for (let round = 0; round < rounds; round++) {
    // The load client takes turns between the three servers in 250 ms slices, every round.
    const perSecond = await load(urls)
    sides.forEach((side, index) => rates[side.name]?.push(perSecond[index] ?? Number.NaN))
    console.error(
      `[bench] front-door loopback round ${String(round + 1)}/${String(rounds)}: ${sides.map((side, index) => `${side.name} ${String(Math.round(perSecond[index] ?? 0))}`).join(', ')}`,
    )
  }
  for (const { server } of sides) server.close()
  const measured = { rates, rounds }
  const ratios = [
    ratioOf(
      'loopback: before the split / plain node:http',
      measured,
      'before the split',
      'plain node:http',
      { atLeast: 0 },
    ),
    ratioOf(
      'loopback: after the split / plain node:http',
      measured,
      'after the split',
      'plain node:http',
      { atLeast: 0 },
    ),
    ratioOf('loopback: after the split / before', measured, 'after the split', 'before the split', {
      atLeast: 0.95,
    }),
  ]
  return {
    ratios,
    lines: [
      `Loopback, the same minimal node:http adapter in front of each simulator core, next to a plain node:http server answering the same body (50 keep-alive connections from another process, taking turns in 250 ms slices, ${String(rounds)} rounds; the first two ratios have no goal of their own):`,
      '',
      ...rateRows(measured, 'requests per second'),
      '',
      ...ratioRows(ratios),
    ],
  }
}

/**
 * The front-door suite.
 * @returns Markdown lines for BENCHMARKS.md.
 */
export async function benchFrontDoor(): Promise<SuiteReport> {
  const core = await inProcess()
  const wire = await loopback()
  return {
    lines: [...core.lines, '', ...wire.lines],
    figures: { ratios: [core.ratio, ...wire.ratios] },
  }
}
