/**
 * Runs a client module (`eck check --client ./x.ts`) in a worker thread, so that a client stuck in a
 * synchronous loop is stopped at the deadline (the thread is terminated and started again) and reported
 * as a hang, instead of freezing eck. Calls are messages; the module is loaded once per thread.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ClientOutcome } from './client-outcome.js'
import { protocolEnvironment } from './command-client.js'
import type { ConformanceClient } from './conformance-client.js'
import { outcomeOfReport } from './module-client.js'

// The thread's program: plain JavaScript written to a file once per process (a TypeScript build cannot
// ship it as a module of its own that Node runs unchanged under every test runner).
const WORKER_SOURCE = `import { parentPort, workerData } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
const require = createRequire(import.meta.url)
let loading
async function load() {
  const { path, jitiPath, typescript } = workerData
  let loaded
  if (typescript) {
    const { createJiti } = require(jitiPath)
    loaded = await createJiti(pathToFileURL(path).href, { interopDefault: false }).import(path)
  } else loaded = await import(pathToFileURL(path).href)
  let client = loaded.default
  if (client !== null && typeof client === 'object' && typeof client.default === 'function') client = client.default
  if (typeof client !== 'function') throw new Error(path + ' has no default export function')
  return client
}
const controllers = new Map()
parentPort.on('message', async (message) => {
  if (message.abort !== undefined) {
    controllers.get(message.abort)?.abort()
    return
  }
  const { id, input, context } = message
  const controller = new AbortController()
  controllers.set(id, controller)
  try {
    loading ??= load()
    const client = await loading
    const report = await client(input, { ...context, signal: controller.signal })
    try {
      parentPort.postMessage({ id, report })
    } catch (error) {
      parentPort.postMessage({ id, crash: 'the client returned a value that cannot be copied: ' + String(error) })
    }
  } catch (error) {
    parentPort.postMessage({ id, crash: 'the client threw: ' + (error instanceof Error ? error.name + ': ' + error.message : String(error)) })
  } finally {
    controllers.delete(id)
  }
})
`

let workerFile: string | undefined

function workerScript(): string {
  if (workerFile === undefined) {
    const dir = join(tmpdir(), `eck-module-worker-${String(process.pid)}`)
    mkdirSync(dir, { recursive: true })
    workerFile = join(dir, 'module-worker.mjs')
    writeFileSync(workerFile, WORKER_SOURCE)
  }
  return workerFile
}

/** How long a thread may take to answer an abort before it is terminated (ms). */
const ABORT_GRACE_MS = 1000

interface Pending {
  readonly resolve: (outcome: ClientOutcome) => void
}

/** Options of {@link workerModuleClient}. */
export interface WorkerModuleClientOptions {
  /** @defaultValue false */
  readonly polls?: boolean
  /** Where the client's console output goes. @defaultValue this process's stderr */
  readonly output?: NodeJS.WritableStream
}

/**
 * A client module run in a worker thread.
 * @param name Its name in reports.
 * @param path The module's absolute path (checked by `loadClientModule` first).
 * @param options Whether it polls, where its console output goes.
 * @returns The client; `close()` ends its thread.
 */
export function workerModuleClient(
  name: string,
  path: string,
  options: WorkerModuleClientOptions = {},
): ConformanceClient & { close(): Promise<void> } {
  const typescript = ['.ts', '.mts', '.cts', '.tsx'].includes(extname(path))
  const jitiPath = createRequire(import.meta.url).resolve('jiti')
  let worker: Worker | undefined
  let pending = new Map<number, Pending>()
  let nextId = 0
  const start = (): Worker => {
    const thread = new Worker(pathToFileURL(workerScript()), {
      workerData: { path, jitiPath, typescript },
      stdout: true,
      stderr: true,
    })
    // The client's console output goes to stderr: stdout carries eck's report.
    const output = options.output ?? process.stderr
    thread.stdout.pipe(output, { end: false })
    thread.stderr.pipe(output, { end: false })
    const mine = pending
    thread.on('message', (message: { id: number; report?: unknown; crash?: string }) => {
      const call = mine.get(message.id)
      if (call === undefined) return
      mine.delete(message.id)
      call.resolve(
        message.crash === undefined
          ? outcomeOfReport(message.report)
          : { kind: 'crash', reason: message.crash },
      )
    })
    const fail = (reason: string): void => {
      for (const call of mine.values()) call.resolve({ kind: 'crash', reason })
      mine.clear()
      if (worker === thread) worker = undefined
    }
    thread.on('error', (error) => {
      fail(`the client's thread failed: ${error.name}: ${error.message}`)
    })
    thread.on('exit', (code) => {
      fail(`the client ended its thread (exit code ${String(code)}; did it call process.exit?)`)
    })
    thread.unref()
    return thread
  }
  const restart = (thread: Worker, reason: ClientOutcome): void => {
    // Every call on that thread ends with it; the next call starts a new one.
    const calls = pending
    pending = new Map()
    if (worker === thread) worker = undefined
    for (const call of calls.values()) call.resolve(reason)
    void thread.terminate()
  }
  return {
    name,
    polls: options.polls ?? false,
    async call(input, call) {
      worker ??= start()
      const thread = worker
      const id = nextId++
      const env = protocolEnvironment(call.baseUrl, call.scenarioId)
      const outcome = new Promise<ClientOutcome>((resolve) => {
        pending.set(id, { resolve })
      })
      thread.postMessage({
        id,
        input,
        context: {
          endpoint: call.baseUrl,
          region: 'us-east-1',
          credentials: {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          },
          scenarioId: call.scenarioId,
        },
      })
      let grace: NodeJS.Timeout | undefined
      const hang = (reason: string): void => {
        thread.postMessage({ abort: id })
        // A thread that does not answer the abort (a synchronous loop) is terminated.
        grace = setTimeout(() => {
          if (pending.get(id) !== undefined) restart(thread, { kind: 'hang', reason })
        }, ABORT_GRACE_MS)
      }
      const onStop = (): void => {
        hang('the run was stopped')
      }
      const timer = setTimeout(() => {
        hang(`no answer within ${String(call.deadlineMs)} ms`)
      }, call.deadlineMs)
      call.signal?.addEventListener('abort', onStop, { once: true })
      try {
        const result = await outcome
        // An answer after the deadline is still a hang: the call took too long.
        return {
          outcome:
            grace === undefined
              ? result
              : { kind: 'hang', reason: `no answer within ${String(call.deadlineMs)} ms` },
        }
      } finally {
        clearTimeout(timer)
        clearTimeout(grace)
        call.signal?.removeEventListener('abort', onStop)
      }
    },
    async close() {
      const thread = worker
      worker = undefined
      await thread?.terminate()
    },
  }
}
