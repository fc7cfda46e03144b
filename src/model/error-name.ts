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
