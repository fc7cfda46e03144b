/**
 * Reads one line a client protocol v2 process wrote on stdout: an answer to a call (`{"id": "c1",
 * "result": {...}}` or `{"id": "c1", "error": {"name": "...", "message": "..."}}`), or anything else,
 * which is the process's output.
 */
import type { ClientOutcome } from './client-outcome.js'

/** What one stdout line of a protocol v2 process is. */
export type AnswerLine =
  /** A JSON object with a string `id`: an answer, whose outcome is a crash when it has the wrong shape. */
  | { readonly kind: 'answer'; readonly id: string; readonly outcome: ClientOutcome }
  /** Anything else (a log line, malformed JSON, a JSON value with no string id): output, never an error. */
  | { readonly kind: 'output'; readonly text: string }

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Reads one stdout line of a protocol v2 process. Whether the id belongs to a call in flight is the
 * caller's question: an answer to an id it does not know is output too.
 * @param line One line, without its line break.
 * @returns The answer with its outcome, or the line as output.
 */
export function parseAnswerLine(line: string): AnswerLine {
  const text = line.trim()
  if (!text.startsWith('{')) return { kind: 'output', text: line }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { kind: 'output', text: line }
  }
  if (!isRecord(value) || typeof value.id !== 'string') return { kind: 'output', text: line }
  const { id, result, error } = value
  if (isRecord(result) && error === undefined)
    return { kind: 'answer', id, outcome: { kind: 'result', result } }
  if (
    result === undefined &&
    isRecord(error) &&
    typeof error.name === 'string' &&
    error.name !== ''
  ) {
    return {
      kind: 'answer',
      id,
      outcome: {
        kind: 'error',
        name: error.name,
        message: typeof error.message === 'string' ? error.message : '',
      },
    }
  }
  return {
    kind: 'answer',
    id,
    outcome: {
      kind: 'crash',
      reason: `the answer to call ${JSON.stringify(id)} is neither {"id", "result": {...}} nor {"id", "error": {"name": "...", "message": "..."}}: ${text.slice(0, 120)}`,
    },
  }
}
