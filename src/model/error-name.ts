/**
 * How an awsJson1_0 client finds an error's name (service-facts §4): from body `__type`, else body
 * `code`, else the `X-Amzn-Errortype` header; keep the text before the first `,` and the first `:`,
 * then the part after `#`.
 */

/**
 * Reduces a raw error type to the error's name.
 * @param raw e.g. `com.amazonaws.partnercentralselling#ValidationException:http://internal…`.
 * @returns e.g. `ValidationException`; empty when nothing is left.
 */
export function sanitizeErrorName(raw: string): string {
  let name = raw
  const comma = name.indexOf(',')
  if (comma >= 0) name = name.slice(0, comma)
  const colon = name.indexOf(':')
  if (colon >= 0) name = name.slice(0, colon)
  const hash = name.indexOf('#')
  if (hash >= 0) name = name.slice(hash + 1)
  return name.trim()
}

/**
 * Finds the error name of an awsJson1_0 error response, as the AWS SDK does.
 * @param body The parsed body (anything; only top-level `__type` and `code` strings count).
 * @param errorTypeHeader The `X-Amzn-Errortype` header, if any.
 * @returns The name, or undefined when neither body nor header names one.
 */
export function findErrorName(body: unknown, errorTypeHeader?: string | null): string | undefined {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    for (const key of ['__type', 'code']) {
      const raw = Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined
      if (typeof raw === 'string' && sanitizeErrorName(raw) !== '') return sanitizeErrorName(raw)
    }
  }
  if (typeof errorTypeHeader === 'string' && sanitizeErrorName(errorTypeHeader) !== '') {
    return sanitizeErrorName(errorTypeHeader)
  }
  return undefined
}

/** Where an error response names its error, each place sanitized (service-facts §4). */
export interface ErrorNameSources {
  /** From the body's `__type`. */
  readonly type?: string
  /** From the body's `code`. */
  readonly code?: string
  /** From the `X-Amzn-Errortype` header. */
  readonly header?: string
  /** Set when the body's `__type` carries a `:uri` suffix (Java 2.40 does not cut it). */
  readonly typeUri?: true
  /** Set when the header carries a namespace (Java cuts the header at ':' only, not '#'). */
  readonly headerNamespace?: true
}

/**
 * Reads every place an awsJson1_0 error response may name its error.
 * @param body The parsed body (only top-level `__type` and `code` strings count).
 * @param errorTypeHeader The `X-Amzn-Errortype` header, if any.
 * @returns The name found in each place; empty places are left out.
 */
export function errorNameSources(body: unknown, errorTypeHeader?: string | null): ErrorNameSources {
  const sources: {
    type?: string
    code?: string
    header?: string
    typeUri?: true
    headerNamespace?: true
  } = {}
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    for (const [key, place] of [
      ['__type', 'type'],
      ['code', 'code'],
    ] as const) {
      const raw = Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined
      if (typeof raw === 'string' && sanitizeErrorName(raw) !== '') {
        sources[place] = sanitizeErrorName(raw)
        if (place === 'type' && raw.split(',')[0]?.includes(':') === true) sources.typeUri = true
      }
    }
  }
  if (typeof errorTypeHeader === 'string' && sanitizeErrorName(errorTypeHeader) !== '') {
    sources.header = sanitizeErrorName(errorTypeHeader)
    if (errorTypeHeader.split(':')[0]?.includes('#') === true) sources.headerNamespace = true
  }
  return sources
}

/**
 * Whether every official AWS SDK reads the same name from an error response: the body's `__type`
 * names it without a `:uri` suffix, and the header (without a namespace) and `code`, when present,
 * name the same error. botocore reads only
 * `__type`; Go, Java and Rust read the header first (sdk-facts "How each SDK finds an awsJson1_0
 * error's name"). A header-only, `code`-only or disagreeing answer is allowed by the protocol but is
 * not known from the service: misreading it is a protocol gap, not a production bug.
 * @param sources The names found in each place.
 * @returns True when all SDKs agree on the name.
 */
export function isUniversallyReadable(sources: ErrorNameSources): boolean {
  return (
    sources.type !== undefined &&
    sources.typeUri !== true &&
    (sources.header === undefined ||
      (sources.header === sources.type && sources.headerNamespace !== true)) &&
    (sources.code === undefined || sources.code === sources.type)
  )
}
