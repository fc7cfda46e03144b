/**
 * An in-process transport for AWS SDK clients: a Smithy `requestHandler` that hands each request to
 * the simulator. About twice as fast as msw interception (service-facts §9), and network faults reach
 * the SDK as the socket errors it classifies (`ECONNRESET` is retried; a timeout is a TimeoutError).
 */
import { Readable } from 'node:stream'
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols'
import type { HttpHandlerOptions } from '@smithy/types'
import type { Simulator } from './simulator.js'
import { bodyPieces, type Outcome } from './wire.js'

/** Options of {@link createRequestHandler}. */
export interface RequestHandlerOptions {
  /**
   * Give up on an answer after this many ms with a `TimeoutError` (which the SDK retries), as
   * `NodeHttpHandler` does with `throwOnRequestTimeout`. @defaultValue wait forever, as the SDK's default
   */
  readonly requestTimeoutMs?: number
}

/** The part of Smithy's HttpHandler interface the SDK calls. */
export interface SimulatorRequestHandler {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>
  updateHttpClientConfig(): void
  httpHandlerConfigs(): Record<string, never>
  destroy(): void
}

function socketError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code, name: 'Error' })
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) {
      resolve()
      return
    }
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }))
      },
      { once: true },
    )
  })
}

/**
 * Creates a Smithy request handler backed by a simulator: `new Client({ requestHandler })`.
 * @param simulator The simulator.
 * @param options Request timeout.
 * @returns The handler.
 */
export function createRequestHandler(
  simulator: Simulator,
  options: RequestHandlerOptions = {},
): SimulatorRequestHandler {
  async function deliver(
    outcome: Outcome,
    signal?: AbortSignal,
  ): Promise<{ response: HttpResponse }> {
    switch (outcome.kind) {
      case 'reset-before':
      case 'reset-after':
        await wait(outcome.delivery.delayMs, signal)
        throw socketError('socket hang up', 'ECONNRESET')
      case 'hang':
        await new Promise<never>((_, reject) => {
          signal?.addEventListener(
            'abort',
            () => {
              reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }))
            },
            { once: true },
          )
        })
        throw new Error('unreachable')
      case 'respond': {
        await wait(outcome.delivery.delayMs, signal)
        const { response } = outcome
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(response.headers))
          headers[name.toLowerCase()] = value
        return {
          response: new HttpResponse({
            statusCode: response.status,
            headers,
            body: Readable.from(bodyPieces(response.body, outcome.delivery)),
          }),
        }
      }
    }
  }

  return {
    async handle(request, handlerOptions = {}) {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(request.headers))
        headers[name.toLowerCase()] = value
      const body =
        typeof request.body === 'string'
          ? Buffer.from(request.body)
          : request.body instanceof Uint8Array
            ? request.body
            : Buffer.alloc(0)
      const query = new URLSearchParams(request.query as Record<string, string>).toString()
      // A custom endpoint's path is kept by the SDK (`http://host/svc` → `POST /svc/`): the simulator
      // sits at that path, so it sees `/`; the signature covers the full path.
      const full = `${request.path}${query === '' ? '' : `?${query}`}`
      const route = request.path.endsWith('/') ? `/${query === '' ? '' : `?${query}`}` : full
      const outcome = await simulator.handle({
        method: request.method,
        path: route,
        signedPath: full,
        headers,
        body,
      })
      const timeout = options.requestTimeoutMs
      const callerSignal = handlerOptions.abortSignal as AbortSignal | undefined
      if (timeout === undefined) return deliver(outcome, callerSignal)
      const controller = new AbortController()
      callerSignal?.addEventListener(
        'abort',
        () => {
          controller.abort()
        },
        { once: true },
      )
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort()
          reject(
            Object.assign(new Error(`Connection timed out after ${timeout} ms`), {
              name: 'TimeoutError',
              code: 'ETIMEDOUT',
            }),
          )
        }, timeout)
      })
      try {
        return await Promise.race([deliver(outcome, controller.signal), timedOut])
      } finally {
        clearTimeout(timer)
      }
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  }
}
