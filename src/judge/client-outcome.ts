/**
 * What a client under test reports for one call (the client protocol v1): a result with the response
 * members it received, or an error by name; anything else is a crash or a hang.
 */

/** The names a client may report besides AWS error names. */
export const CLIENT_ERROR_NAMES = [
  'ClientValidationError',
  'TimeoutError',
  'NetworkError',
  'UnknownError',
] as const

/** What one run of a client ended with. */
export type ClientOutcome =
  | { readonly kind: 'result'; readonly result: Readonly<Record<string, unknown>> }
  | { readonly kind: 'error'; readonly name: string; readonly message: string }
  | { readonly kind: 'crash'; readonly reason: string }
  | { readonly kind: 'hang'; readonly reason: string }

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Reads a protocol v1 client's output: the last non-empty line of stdout is one JSON object,
 * `{"result": {...}}` with exit code 0 or `{"error": {"name": "...", "message": "..."}}` with exit code 1.
 * @param stdout Everything the client printed on stdout.
 * @param exitCode Its exit code (null when killed by a signal).
 * @returns The outcome; a crash says what was wrong.
 */
export function parseClientOutput(stdout: string, exitCode: number | null): ClientOutcome {
  const lines = stdout.split(/\r?\n/).filter((line) => line.trim() !== '')
  const last = lines[lines.length - 1]
  if (exitCode !== 0 && exitCode !== 1)
    return { kind: 'crash', reason: `exit code ${String(exitCode)} (protocol v1 allows 0 and 1)` }
  if (last === undefined) return { kind: 'crash', reason: `no output line (exit code ${exitCode})` }
  let value: unknown
  try {
    value = JSON.parse(last)
  } catch {
    return { kind: 'crash', reason: `the last line is not JSON: ${last.slice(0, 120)}` }
  }
  if (!isRecord(value)) return { kind: 'crash', reason: 'the last line is not a JSON object' }
  if (exitCode === 0) {
    if (!isRecord(value.result))
      return { kind: 'crash', reason: 'exit code 0 needs {"result": {...}} on the last line' }
    return { kind: 'result', result: value.result }
  }
  const error = value.error
  if (!isRecord(error) || typeof error.name !== 'string' || error.name === '') {
    return {
      kind: 'crash',
      reason: 'exit code 1 needs {"error": {"name": "...", "message": "..."}} on the last line',
    }
  }
  return {
    kind: 'error',
    name: error.name,
    message: typeof error.message === 'string' ? error.message : '',
  }
}
