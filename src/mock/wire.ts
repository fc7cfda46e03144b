/**
 * The transport-neutral shapes the simulator core works on: a request as it arrived, and what to do
 * with it (answer, reset the connection before or after processing, or never answer).
 */

/** A request as any transport received it. Header names are lowercase. */
export interface WireRequest {
  readonly method: string
  /** The path below the scenario's base URL, with the query, e.g. `/`. */
  readonly path: string
  /** The path as the client sent (and signed) it, when a transport strips a prefix. @defaultValue path */
  readonly signedPath?: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
}

/** A response to send. */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** How the transport should deliver an answer. */
export interface Delivery {
  /** Wait this long before answering. */
  readonly delayMs: number
  /** Send the body in this many chunks, `dribbleMs` apart (a slow body). */
  readonly chunks: number
  readonly dribbleMs: number
}

/** What the transport must do with a request. */
export type Outcome =
  | {
      readonly kind: 'respond'
      readonly response: WireResponse
      readonly delivery: Delivery
      /** The journal entry of this answer. */ readonly seq?: number
    }
  /** Drop the connection without processing (a reset before the request arrived). */
  | { readonly kind: 'reset-before'; readonly delivery: Delivery }
  /** The request was processed; drop the connection instead of answering (a lost response). */
  | { readonly kind: 'reset-after'; readonly delivery: Delivery }
  /** Never answer (until the client gives up or the server stops). */
  | { readonly kind: 'hang' }

/** Delivery with no delay. */
export const IMMEDIATE: Delivery = { delayMs: 0, chunks: 1, dribbleMs: 0 }

/** True when a delivery sends its body in more than one piece. */
export function isDribbled(delivery: Delivery): boolean {
  return delivery.chunks > 1 && delivery.dribbleMs > 0
}

/**
 * The pieces of a body as the delivery sends them, `dribbleMs` apart: one piece unless dribbled.
 * @param body The body.
 * @param delivery How to send it.
 * @param stopped Asked before each wait; the pieces end when it says true (the client went away).
 * @returns The pieces, each after its wait.
 */
export async function* bodyPieces(
  body: string,
  delivery: Delivery,
  stopped: () => boolean = () => false,
): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(body)
  if (!isDribbled(delivery) || bytes.length === 0) {
    yield bytes
    return
  }
  const size = Math.ceil(bytes.length / delivery.chunks)
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (offset > 0) await new Promise((resolve) => setTimeout(resolve, delivery.dribbleMs))
    if (stopped()) return
    yield bytes.subarray(offset, offset + size)
  }
}
