/**
 * The request journal: every request with its headers, body, time and outcome. Secrets (the
 * `Authorization` signature, session tokens) are redacted when an entry is recorded.
 */
import type { ErrorNameSources } from '../model/error-name.js'

/** One recorded request. */
export interface JournalEntry {
  /** 1, 2, … in arrival order. */
  readonly seq: number
  /** When it arrived (ISO 8601, real time). */
  readonly time: string
  readonly method: string
  readonly path: string
  /** Lowercase names; secrets redacted. */
  readonly headers: Readonly<Record<string, string>>
  /** The body as text, cut to the journal's body limit (4,096 characters unless configured). */
  readonly body: string
  /** Whether `body` was cut. */
  readonly bodyTruncated?: true
  /** The operation from `X-Amz-Target`, when known. */
  readonly operation?: string
  /** 1 for the first request of this operation, 2 for the next, … */
  readonly attempt?: number
  /** The behaviour script step applied (`pass`, `error`, `reset-after`, …). */
  readonly step?: string
  /** What happened: `respond`, `reset-before`, `reset-after` or `hang`. */
  readonly outcome: string
  /** The HTTP status, when answered. */
  readonly status?: number
  /** The error name, when the answer was an error. */
  readonly errorName?: string
  /** Where the error answer named its error (body `__type`, body `code`, `X-Amzn-Errortype`), each sanitized. */
  readonly errorNames?: ErrorNameSources
  /** The `Retry-After` (seconds or an HTTP date) the answer carried. */
  readonly retryAfter?: string
  /** When the answer was completely written (epoch ms; loopback only). */
  readonly answeredAtMs?: number
  /** When the client closed the connection that carried this request (epoch ms; loopback only). */
  readonly closedAtMs?: number
  /**
   * Which front-door check refused the request: `request` (line, size, target, body), `signature`
   * (the client signed wrongly), `clock` (signed too far from the server's clock), `credentials`
   * (the key is unknown, expired, or may not call the operation). Scripted answers have none.
   */
  readonly rejectedFor?: 'request' | 'signature' | 'clock' | 'credentials'
  /** How far the server's clock was off for this request (ms ahead; negative: behind), when it was. */
  readonly clockSkewMs?: number
  /** The task the request created or returned. */
  readonly taskId?: string
  /** The response body as sent (cut like `body`), when the request was answered. */
  readonly response?: string
  /**
   * False when the client was gone before the answer was written (it timed out or reset first): the
   * answer never reached it, so what it did next was not a reaction to it. Only the loopback server knows.
   */
  readonly delivered?: false
}

const SECRET_HEADERS = new Set(['x-amz-security-token', 'x-amz-session-token', 'cookie'])

/**
 * Redacts the secrets of a header set: the signature of `Authorization`, session tokens and cookies.
 * @param headers Lowercase header names.
 * @returns A copy safe to print.
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name in headers) {
    const value = headers[name] as string
    if (name === 'authorization') out[name] = redactAuthorization(value)
    else if (SECRET_HEADERS.has(name)) out[name] = '<redacted>'
    else out[name] = value
  }
  return out
}

// Keeps only what identifies the caller: the scheme and the credential scope, up to the signature.
function redactAuthorization(value: string): string {
  if (value.startsWith('AWS4-HMAC-SHA256') && value.includes('Credential=')) {
    const at = value.search(/Signature\s*=/)
    return at < 0 ? value : `${value.slice(0, at)}Signature=<redacted>`
  }
  return `${value.split(/\s/)[0] ?? ''} <redacted>`
}

/**
 * Redacts presigned-URL secrets in a request path's query.
 * @param path A path with its query.
 * @returns The path with `X-Amz-Signature`, `X-Amz-Security-Token` and `X-Amz-Credential` values redacted.
 */
export function redactPath(path: string): string {
  // Most paths have no query: nothing to redact, no regular expression.
  if (!path.includes('?')) return path
  return path.replace(/([?&]X-Amz-(?:Signature|Security-Token|Credential)=)[^&]*/gi, '$1<redacted>')
}

/**
 * A bounded journal (the oldest entries go first), so that a long load test keeps memory flat. An
 * amendment (when an answer was written, that it never was) is kept beside its entry and merged into
 * a copy when the journal is next read: a reader's entries never change under it, and a transport
 * that notes every answer does not copy every entry.
 */
export class Journal {
  // A ring buffer: recording is O(1) however full the journal is.
  // The slots grow as entries come, up to the limit: most journals (one per scenario) hold a few.
  private readonly entries: (JournalEntry | undefined)[] = []
  // The amendments not yet merged, at their entry's index.
  private readonly patches: (Partial<JournalEntry> | undefined)[] = []
  private readonly capacity: number
  private pending = 0
  private start = 0
  private size = 0
  private seq = 0

  /**
   * @param limit The most entries kept.
   */
  constructor(limit = 10_000) {
    this.capacity = Math.max(1, limit)
  }

  /** The next sequence number. */
  nextSeq(): number {
    return ++this.seq
  }

  /** Records an entry. */
  record(entry: JournalEntry): void {
    const capacity = this.capacity
    let index: number
    if (this.size < capacity) {
      // Until the journal is full, `start` is 0 and the slots fill in order.
      index = this.size
      this.size++
      if (index === this.entries.length) {
        this.entries.push(entry)
        this.patches.push(undefined)
        return
      }
    } else {
      index = this.start
      this.start = (this.start + 1) % capacity
    }
    this.entries[index] = entry
    if (this.patches[index] !== undefined) {
      this.patches[index] = undefined
      this.pending--
    }
  }

  /**
   * Amends a kept entry (e.g. an answer that was not delivered).
   * @param seq The entry's sequence number.
   * @param patch The members to set.
   * @returns Whether the entry was still kept.
   */
  amend(seq: number, patch: Partial<JournalEntry>): boolean {
    for (let i = this.size - 1; i >= 0; i--) {
      const index = (this.start + i) % this.capacity
      const entry = this.entries[index]
      if (entry?.seq === seq) {
        const earlier = this.patches[index]
        if (earlier === undefined) {
          this.patches[index] = { ...patch }
          this.pending++
        } else Object.assign(earlier, patch)
        return true
      }
    }
    // Entries can be recorded out of sequence (a signature being verified is recorded after a later
    // request refused at once), so a miss scans every kept entry; a hit is almost always among the newest.
    return false
  }

  /** The kept entries, oldest first. */
  list(): readonly JournalEntry[] {
    const out: JournalEntry[] = []
    const capacity = this.capacity
    for (let i = 0; i < this.size; i++) {
      const index = (this.start + i) % capacity
      let entry = this.entries[index]
      if (entry === undefined) continue
      const patch = this.pending === 0 ? undefined : this.patches[index]
      if (patch !== undefined) {
        entry = { ...entry, ...patch }
        this.entries[index] = entry
        this.patches[index] = undefined
        this.pending--
      }
      out.push(entry)
    }
    return out
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.length = 0
    this.patches.length = 0
    this.pending = 0
    this.start = 0
    this.size = 0
    this.seq = 0
  }
}
