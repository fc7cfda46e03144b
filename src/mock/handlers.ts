/**
 * msw request handlers over the simulator core, for clients that call `fetch` or `node:http`
 * themselves: `setupServer(...createHandlers(simulator, { baseUrl }))`. msw cannot fake a socket
 * reset: resets become `HttpResponse.error()` (a network error; the AWS SDK sees a plain TypeError and
 * does not retry it), so prefer the request handler or the loopback server for reset scenarios.
 * A dribbled body is a stream whose pieces arrive `dribbleMs` apart, as on the other transports.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import type { Simulator } from './simulator.js'
import { bodyPieces, isDribbled } from './wire.js'

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
export function createHandlers(
  simulator: Simulator,
  options: CreateHandlersOptions = {},
): HttpHandler[] {
  const base = (options.baseUrl ?? 'https://partnercentral-selling.us-east-1.api.aws').replace(
    /\/+$/,
    '',
  )
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
      const outcome = await simulator.handle({
        method: request.method,
        path,
        headers,
        body: new Uint8Array(await request.arrayBuffer()),
      })
      if (outcome.kind === 'hang') {
        await new Promise<void>((resolve) => {
          request.signal.addEventListener(
            'abort',
            () => {
              resolve()
            },
            { once: true },
          )
        })
        return HttpResponse.error()
      }
      if (outcome.delivery.delayMs > 0) await delay(outcome.delivery.delayMs)
      if (outcome.kind !== 'respond') return HttpResponse.error()
      const { status, headers: responseHeaders, body } = outcome.response
      if (!isDribbled(outcome.delivery))
        return new HttpResponse(body, { status, headers: responseHeaders })
      const pieces = bodyPieces(body, outcome.delivery, () => request.signal.aborted)
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await pieces.next()
          if (next.done === true) controller.close()
          else controller.enqueue(next.value)
        },
        async cancel() {
          await pieces.return(undefined)
        },
      })
      return new HttpResponse(stream, { status, headers: responseHeaders })
    }),
  ]
}
