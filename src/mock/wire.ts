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
  | { readonly kind: 'respond'; readonly response: WireResponse; readonly delivery: Delivery }
  /** Drop the connection without processing (a reset before the request arrived). */
  | { readonly kind: 'reset-before'; readonly delivery: Delivery }
  /** The request was processed; drop the connection instead of answering (a lost response). */
  | { readonly kind: 'reset-after'; readonly delivery: Delivery }
  /** Never answer (until the client gives up or the server stops). */
  | { readonly kind: 'hang' }

/** Delivery with no delay. */
export const IMMEDIATE: Delivery = { delayMs: 0, chunks: 1, dribbleMs: 0 }
