/**
 * A load generator for the loopback benchmark, run as its own process so that the servers under test
 * have the main process to themselves: keep-alive connections, a fixed concurrency. With several
 * URLs the load takes turns between them in slices (A for `sliceMs`, then B, …), every connection
 * switching at once, so that a change of the machine's load falls on every server alike.
 * Usage: node dist/bench/load-client.js <urlsJson> <concurrency> <sliceMs> <slicesPerUrl> <headersJson> <bodiesJson>
 * Prints `{"perSecond":[…],"requests":[…],"failed":[…]}`, one entry per URL.
 */
import { Agent, request } from 'node:http'

const [
  urlsJson = '[]',
  concurrencyText = '50',
  sliceText = '250',
  slicesText = '8',
  headersJson = '{}',
  bodiesJson = '[]',
] = process.argv.slice(2)
const targets = (JSON.parse(urlsJson) as string[]).map((url) => new URL(url))
const concurrency = Number(concurrencyText)
const sliceMs = Number(sliceText)
const slicesPerUrl = Number(slicesText)
const headers = JSON.parse(headersJson) as Record<string, string>
const bodies = JSON.parse(bodiesJson) as string[]
const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: concurrency }))
const done = targets.map(() => 0)
const failed = targets.map(() => 0)
let index = 0
const totalMs = sliceMs * slicesPerUrl * targets.length
const started = performance.now()

function once(k: number): Promise<void> {
  const target = targets[k] ?? new URL('http://127.0.0.1:1/')
  const body = bodies[index++ % bodies.length] ?? '{}'
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: agents[k],
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume()
        res.on('end', () => {
          if (res.statusCode === 200) done[k] = (done[k] ?? 0) + 1
          else failed[k] = (failed[k] ?? 0) + 1
          resolve()
        })
      },
    )
    req.on('error', () => {
      failed[k] = (failed[k] ?? 0) + 1
      resolve()
    })
    req.end(body)
  })
}

async function worker(): Promise<void> {
  for (;;) {
    const elapsed = performance.now() - started
    if (elapsed >= totalMs) return
    await once(Math.floor(elapsed / sliceMs) % targets.length)
  }
}

await Promise.all(Array.from({ length: concurrency }, worker))
for (const agent of agents) agent.destroy()
const seconds = (sliceMs * slicesPerUrl) / 1000
process.stdout.write(
  `${JSON.stringify({ perSecond: done.map((count) => count / seconds), requests: done, failed })}\n`,
)
