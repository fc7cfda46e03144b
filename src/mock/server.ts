/**
 * The loopback transport: a `node:http` server in front of simulators, for clients in any language.
 * Connection resets are real socket resets. Each scenario gets its own base URL and state
 * (`/s/<scenario>`); admin routes live under `/__eck/`, a prefix no AWS call uses.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { parseJson } from '../internal/parse-json.js'
import { ToolkitError } from '../internal/toolkit-error.js'
import { parseBehaviourScript } from './behaviour-script.js'
import {
  createSimulator,
  MAX_BODY_BYTES,
  type Simulator,
  type SimulatorOptions,
} from './simulator.js'
import { bodyPieces, isDribbled, type Outcome } from './wire.js'

/** Options of {@link startMockServer}. */
export interface MockServerOptions extends SimulatorOptions {
  /** @defaultValue 0 (any free port) */
  readonly port?: number
  /** @defaultValue '127.0.0.1' */
  readonly host?: string
  /**
   * How many scenarios may hold state at once; a request that would create one more gets a 503 that
   * says how to free one (`DELETE <scenario>/__eck/scenario`). State is never evicted behind a user's back.
   * @defaultValue 10000
   */
  readonly maxScenarios?: number
  /**
   * Whether a request to an unknown scenario creates it. The harness turns this off: a client still
   * running after its scenario ended gets a 404 instead of recreating the state.
   * @defaultValue true
   */
  readonly scenariosOnDemand?: boolean
}

/** A running loopback simulator. */
export interface MockServer {
  /** The default scenario's base URL, e.g. `http://127.0.0.1:45678`. */
  readonly url: string
  readonly port: number
  /** The base URL of a scenario with its own state: `<url>/s/<scenario>`. */
  scenarioUrl(scenario: string): string
  /**
   * The simulator of a scenario (created on first use); the default one without an argument.
   * @param scenario The scenario.
   * @param overrides Options that differ from the server's, used only when the scenario is created.
   */
  simulator(scenario?: string, overrides?: SimulatorOptions): Simulator
  /**
   * Frees a scenario's state (its tasks, journal and script); the next request to it starts afresh.
   * The default scenario is reset instead.
   * @returns Whether the scenario held state.
   */
  deleteScenario(scenario: string): boolean
  /** How many scenarios hold state, the default one included. */
  scenarioCount(): number
  /** Stops serving and drops open connections (hanging ones included). */
  close(): Promise<void>
}

const SCENARIO = /^\/s\/([A-Za-z0-9._~-]{1,128})(\/.*)?$/

/** How far past the limit a body is drained so that the client can read its 413. */
const DRAIN_BYTES = 16 * 1024 * 1024

const NO_BODY = Buffer.alloc(0)

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN)
  // A body over the limit is drained, not kept, before the 413 goes out: a server that answers before
  // reading makes the client's write fail with a reset, and the client never sees the 413 (as real
  // HTTP servers do, the connection closes after the answer).
  const drain = Number.isFinite(declared) && declared > limit
  // A declared length past any sensible drain is answered at once (the connection closes after).
  if (drain && declared > limit + DRAIN_BYTES) return Promise.resolve('too-large')
  return new Promise((resolve, reject) => {
    // Most bodies come in one chunk: that one is kept as it is, with no copy.
    let first: Buffer | undefined
    let more: Buffer[] | undefined
    let size = 0
    let tooLarge = drain
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else if (tooLarge) return
      else if (first === undefined) first = chunk
      else (more ??= [first]).push(chunk)
    })
    request.on('end', () => {
      resolve(
        tooLarge
          ? 'too-large'
          : more === undefined
            ? (first ?? NO_BODY)
            : Buffer.concat(more, size),
      )
    })
    request.on('error', reject)
    request.on('aborted', () => {
      reject(new Error('client aborted'))
    })
  })
}

/**
 * The request's headers as the simulator reads them: Node's own object when every value is one string
 * (the usual case: no copy), else a copy with repeated values joined.
 */
function headersOf(request: IncomingMessage): Record<string, string> {
  const given = request.headers
  for (const name in given) {
    if (typeof given[name] !== 'string') {
      const headers: Record<string, string> = {}
      for (const [key, value] of Object.entries(given)) {
        if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value
      }
      return headers
    }
  }
  return given as Record<string, string>
}

/** Where a request goes: its scenario and the route below the scenario's base URL (with the query). */
function routeOf(url: string): { scenario: string; route: string } {
  // Only /s/<scenario>… names a scenario: the default scenario's requests skip the pattern.
  if (!url.startsWith('/s/')) return { scenario: '', route: url }
  const query = url.indexOf('?')
  const scoped = SCENARIO.exec(query === -1 ? url : url.slice(0, query))
  if (scoped === null) return { scenario: '', route: url }
  return {
    scenario: scoped[1] ?? '',
    route: `${scoped[2] ?? '/'}${query === -1 ? '' : url.slice(query)}`,
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body, null, 2)}\n`
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  })
  response.end(text)
}

/**
 * Starts the loopback simulator. It binds to 127.0.0.1 unless told otherwise.
 * @param options Port, host, and the simulator options every scenario gets.
 * @returns The running server.
 * @throws ToolkitError when the port cannot be bound.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const scenarios = new Map<string, Simulator>()
  const sockets = new Set<Socket>()
  const maxScenarios = options.maxScenarios ?? 10_000
  const existingOrNew = (scenario: string, overrides?: SimulatorOptions): Simulator | undefined => {
    let simulator = scenarios.get(scenario)
    if (simulator === undefined) {
      if (scenarios.size >= maxScenarios) return undefined
      simulator = createSimulator(overrides === undefined ? options : { ...options, ...overrides })
      scenarios.set(scenario, simulator)
    }
    return simulator
  }
  const tooMany = (scenario: string): ToolkitError =>
    new ToolkitError(
      `Cannot create scenario ${JSON.stringify(scenario)}: ${maxScenarios} scenarios already hold state. Free finished ones with DELETE /s/<scenario>/__eck/scenario (or MockServer.deleteScenario), or raise maxScenarios.`,
    )
  const simulatorOf = (scenario = '', overrides?: SimulatorOptions): Simulator => {
    const simulator = existingOrNew(scenario, overrides)
    if (simulator === undefined) throw tooMany(scenario)
    return simulator
  }
  const deleteScenario = (scenario: string): boolean => {
    const simulator = scenarios.get(scenario)
    if (scenario === '') simulator?.reset()
    else scenarios.delete(scenario)
    return simulator !== undefined
  }
  simulatorOf('')
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES

  // The last answer on each connection, to note when the client closed it. One record per connection,
  // updated in place.
  const lastAnswer = new WeakMap<Socket, { seq: number; simulator: Simulator }>()

  function noteAnswer(socket: Socket, seq: number, simulator: Simulator): void {
    const last = lastAnswer.get(socket)
    if (last !== undefined) {
      last.seq = seq
      last.simulator = simulator
      return
    }
    lastAnswer.set(socket, { seq, simulator })
    // A client that closes the connection right after the answer was written (its timer fired as
    // the answer came) may never have read it: the rules compare the two times.
    socket.once('close', () => {
      const closed = lastAnswer.get(socket)
      closed?.simulator.noteDelivery(closed.seq, { closedAtMs: Date.now() })
    })
  }

  /** Answers, or not, as the outcome says; a promise only when it waits (a delay, a slow body). */
  function deliver(
    outcome: Outcome,
    request: IncomingMessage,
    response: ServerResponse,
    simulator: Simulator,
  ): Promise<void> | undefined {
    if (outcome.kind === 'hang') return undefined
    if (
      outcome.delivery.delayMs > 0 ||
      (outcome.kind === 'respond' && isDribbled(outcome.delivery))
    )
      return deliverLater(outcome, request, response, simulator)
    deliverNow(outcome, request, response, simulator)
    return undefined
  }

  async function deliverLater(
    outcome: Exclude<Outcome, { kind: 'hang' }>,
    request: IncomingMessage,
    response: ServerResponse,
    simulator: Simulator,
  ): Promise<void> {
    if (outcome.delivery.delayMs > 0) await sleep(outcome.delivery.delayMs)
    if (outcome.kind !== 'respond' || !isDribbled(outcome.delivery)) {
      deliverNow(outcome, request, response, simulator)
      return
    }
    if (!watchDelivery(outcome, request, response, simulator)) return
    const { status, headers, body } = outcome.response
    response.writeHead(status, headers)
    // The client may go away while the body dribbles out.
    const gone = (): boolean => response.destroyed
    for await (const piece of bodyPieces(body, outcome.delivery, gone)) response.write(piece)
    if (!gone()) response.end()
  }

  /**
   * Sets up the delivery notes of an answer (when it was written, or that it never was).
   * @returns False when the client is already gone (the answer is then marked undelivered).
   */
  function watchDelivery(
    outcome: Extract<Outcome, { kind: 'respond' }>,
    request: IncomingMessage,
    response: ServerResponse,
    simulator: Simulator,
  ): boolean {
    const seq = outcome.seq
    if (seq === undefined) return !response.destroyed
    // The client may be gone (it timed out first): then the answer never reached it.
    if (response.destroyed || request.socket.destroyed) {
      simulator.markUndelivered(seq)
      return false
    }
    response.once('finish', () => {
      simulator.noteDelivery(seq, { answeredAtMs: Date.now() })
    })
    response.once('close', () => {
      if (!response.writableFinished) simulator.markUndelivered(seq)
    })
    noteAnswer(request.socket, seq, simulator)
    return true
  }

  function deliverNow(
    outcome: Exclude<Outcome, { kind: 'hang' }>,
    request: IncomingMessage,
    response: ServerResponse,
    simulator: Simulator,
  ): void {
    if (outcome.kind === 'respond' && !watchDelivery(outcome, request, response, simulator)) return
    if (response.destroyed) return
    if (outcome.kind === 'reset-before' || outcome.kind === 'reset-after') {
      request.socket.resetAndDestroy()
      return
    }
    const { status, headers, body } = outcome.response
    response.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) })
    response.end(body)
  }

  async function admin(
    simulator: Simulator,
    route: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const key = `${request.method ?? ''} ${route.split('?')[0] ?? ''}`
    switch (key) {
      case 'GET /__eck/journal': {
        sendJson(response, 200, simulator.journal())
        return
      }
      case 'GET /__eck/tasks': {
        sendJson(response, 200, simulator.tasks())
        return
      }
      case 'GET /__eck/invitations': {
        sendJson(response, 200, simulator.invitations())
        return
      }
      case 'GET /__eck/health': {
        sendJson(response, 200, {
          ok: true,
          revision: simulator.revision.id,
          scenarios: scenarios.size,
        })
        return
      }
      case 'POST /__eck/reset':
        simulator.reset()
        {
          sendJson(response, 200, { ok: true })
          return
        }
      case 'PUT /__eck/script':
      case 'POST /__eck/clock': {
        const body = await readBody(request, maxBody)
        const parsed = body === 'too-large' ? undefined : parseJson(body.toString('utf8'))
        if (parsed === undefined || !parsed.ok) {
          sendJson(response, 400, { error: 'The body must be JSON.' })
          return
        }
        try {
          if (key === 'PUT /__eck/script') simulator.setScript(parseBehaviourScript(parsed.value))
          else {
            const advance = (parsed.value as { advanceMs?: unknown } | null)?.advanceMs
            if (typeof advance !== 'number' || advance < 0) {
              sendJson(response, 400, { error: 'Send {"advanceMs": <ms>}.' })
              return
            }
            simulator.advanceClock(advance)
          }
        } catch (error) {
          sendJson(response, 400, {
            error: error instanceof Error ? error.message : String(error),
          })
          return
        }
        sendJson(response, 200, { ok: true })
        return
      }
      default: {
        sendJson(response, 404, {
          error: `No admin route ${key}. Routes: GET /__eck/journal, GET /__eck/tasks, GET /__eck/invitations, GET /__eck/health, POST /__eck/reset, DELETE /__eck/scenario, PUT /__eck/script, POST /__eck/clock.`,
        })
        return
      }
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '/'
    const { scenario, route } = routeOf(url)
    const isAdmin = route.startsWith('/__eck/')
    if (
      isAdmin &&
      `${request.method ?? ''} ${route.split('?')[0] ?? ''}` === 'DELETE /__eck/scenario'
    ) {
      sendJson(response, 200, { ok: true, deleted: deleteScenario(scenario) })
      return
    }
    if (options.scenariosOnDemand === false && scenario !== '' && !scenarios.has(scenario)) {
      sendJson(response, 404, {
        __type: 'UnknownScenarioException',
        Message: `No scenario ${JSON.stringify(scenario)} (it ended, or was never started).`,
      })
      return
    }
    const simulator = existingOrNew(scenario)
    if (simulator === undefined) {
      response.setHeader('Connection', 'close')
      sendJson(response, 503, {
        __type: 'ServiceUnavailableException',
        Message: tooMany(scenario).message,
      })
      return
    }
    if (isAdmin) return admin(simulator, route, request, response)
    const body = await readBody(request, maxBody)
    const outcome = await simulator.handle({
      method: request.method ?? 'GET',
      path: route,
      signedPath: url,
      headers: headersOf(request),
      body: body === 'too-large' ? new Uint8Array(maxBody + 1) : body,
    })
    if (body === 'too-large') response.setHeader('Connection', 'close')
    await deliver(outcome, request, response, simulator)
  }

  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      // A client that went away mid-request, or a failure while answering: drop just this request.
      if (!response.headersSent && !response.destroyed)
        sendJson(response, 500, {
          __type: 'InternalServerException',
          Message: 'The simulator failed on this request.',
        })
      else response.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      reject(
        new ToolkitError(
          `Cannot listen on ${host}:${options.port ?? 0}: ${error.message}. Pick another --port.`,
          { cause: error },
        ),
      )
    })
    server.listen(options.port ?? 0, host, resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    url,
    port,
    scenarioUrl: (scenario) => `${url}/s/${encodeURIComponent(scenario)}`,
    simulator: simulatorOf,
    deleteScenario,
    scenarioCount: () => scenarios.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => {
          resolve()
        })
        server.closeAllConnections()
      }),
  }
}
