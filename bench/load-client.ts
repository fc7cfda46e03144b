/**
 * A load generator for the loopback benchmark, run as its own process so that the server under test
 * has the main process to itself: keep-alive connections, a fixed concurrency, a bounded duration.
 * Usage: node dist/bench/load-client.js <url> <concurrency> <durationMs> <headersJson> <bodiesJson>
 */
import { Agent, request } from 'node:http'

const [
  url = '',
  concurrencyText = '50',
  durationText = '3000',
  headersJson = '{}',
  bodiesJson = '[]',
] = process.argv.slice(2)
const target = new URL(url)
const concurrency = Number(concurrencyText)
const duration = Number(durationText)
const headers = JSON.parse(headersJson) as Record<string, string>
const bodies = JSON.parse(bodiesJson) as string[]
const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
let done = 0
let failed = 0
let index = 0
const deadline = Date.now() + duration

function once(): Promise<void> {
  const body = bodies[index++ % bodies.length] ?? '{}'
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume()
        res.on('end', () => {
          if (res.statusCode === 200) done++
          else failed++
          resolve()
        })
      },
    )
    req.on('error', () => {
      failed++
      resolve()
    })
    req.end(body)
  })
}

async function worker(): Promise<void> {
  while (Date.now() < deadline) await once()
}

const started = Date.now()
await Promise.all(Array.from({ length: concurrency }, worker))
const seconds = (Date.now() - started) / 1000
agent.destroy()
process.stdout.write(`${JSON.stringify({ requests: done, failed, perSecond: done / seconds })}\n`)
