/**
 * msw request handlers over the simulator core, for clients that call `fetch` or `node:http`
 * themselves: `setupServer(...createHandlers(simulator, { baseUrl }))`. msw cannot fake a socket
 * reset: resets become `HttpResponse.error()` (a network error; the AWS SDK sees a plain TypeError and
 * does not retry it), so prefer the request handler or the loopback server for reset scenarios.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import type { Simulator } from './simulator.js'

/** Options of {@link createHandlers}. */
export interface CreateHandlersOptions {
  /** The base URL clients are pointed at. @defaultValue 'https://partnercentral-selling.us-east-1.api.aws' */
  readonly baseUrl?: string
}

/**
 * Creates msw handlers that answer every request below `baseUrl` with the simulator.
 * @param simulator The simulator.
 * @param options The base URL.
 * @returns The handlers.
 */
export function createHandlers(simulator: Simulator, options: CreateHandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? 'https://partnercentral-selling.us-east-1.api.aws').replace(/\/+$/, '')
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url)
      const headers: Record<string, string> = {}
      request.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value
      })
      if (headers.host === undefined) headers.host = url.host
      const basePath = new URL(base).pathname.replace(/\/+$/, '')
      const path = `${url.pathname.slice(basePath.length) || '/'}${url.search}`
      const outcome = await simulator.handle({ method: request.method, path, headers, body: new Uint8Array(await request.arrayBuffer()) })
      if (outcome.kind === 'hang') {
        await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve(), { once: true }))
        return HttpResponse.error()
      }
      if (outcome.delivery.delayMs > 0) await delay(outcome.delivery.delayMs)
      if (outcome.kind !== 'respond') return HttpResponse.error()
      return new HttpResponse(outcome.response.body, { status: outcome.response.status, headers: outcome.response.headers })
    }),
  ]
}
