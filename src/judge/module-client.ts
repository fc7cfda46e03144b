/**
 * Runs an in-process client: a function `(input, context) => Promise<outcome>`, with a deadline.
 */
import type { ClientOutcome } from './client-outcome.js'
import { protocolEnvironment } from './command-client.js'

/** What an in-process client is given for one call. */
export interface ClientContext {
  /** The scenario's base URL: use it as the SDK endpoint. */
  readonly endpoint: string
  readonly region: string
  /** Static dummy credentials. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }
  /** Aborted at the scenario deadline. */
  readonly signal: AbortSignal
  /** The scenario id. */
  readonly scenarioId: string
}

/** What an in-process client returns: the response members, or an error by name. */
export type ClientReport =
  | { readonly result: Readonly<Record<string, unknown>> }
  | { readonly error: { readonly name: string; readonly message?: string } }

/** An in-process client: the default export of a module given to `eck check --client`. */
export type ClientFunction = (input: unknown, context: ClientContext) => Promise<ClientReport>

/**
 * Calls an in-process client once.
 * @param client The client function.
 * @param input The call's input.
 * @param options Endpoint, scenario and deadline.
 * @returns The outcome; a throw or a malformed report is a crash, the deadline a hang.
 */
export async function runModuleClient(
  client: ClientFunction,
  input: unknown,
  options: {
    readonly baseUrl: string
    readonly scenarioId: string
    readonly deadlineMs?: number
    readonly signal?: AbortSignal
  },
): Promise<ClientOutcome> {
  const env = protocolEnvironment(options.baseUrl, options.scenarioId)
  const controller = new AbortController()
  const deadline = options.deadlineMs ?? 30_000
  let timer: NodeJS.Timeout | undefined
  let onStop = (): void => undefined
  const hang = new Promise<ClientOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort()
      resolve({ kind: 'hang', reason: `no answer within ${deadline} ms` })
    }, deadline)
    onStop = () => {
      controller.abort()
      resolve({ kind: 'hang', reason: 'the run was stopped' })
    }
    if (options.signal?.aborted === true) onStop()
    else options.signal?.addEventListener('abort', onStop, { once: true })
  })
  const call = (async (): Promise<ClientOutcome> => {
    try {
      const report = (await client(input, {
        endpoint: options.baseUrl,
        region: 'us-east-1',
        credentials: {
          accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
        },
        signal: controller.signal,
        scenarioId: options.scenarioId,
      })) as unknown
      return outcomeOfReport(report)
    } catch (error) {
      return {
        kind: 'crash',
        reason: `the client threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      }
    }
  })()
  try {
    return await Promise.race([call, hang])
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onStop)
  }
}

/**
 * Reads what an in-process client returned: `{ result: {...} }` or `{ error: { name, message? } }`.
 * @param report Whatever the client's promise resolved to.
 * @returns The outcome; anything else is a crash.
 */
export function outcomeOfReport(report: unknown): ClientOutcome {
  if (report !== null && typeof report === 'object') {
    if ('result' in report && typeof report.result === 'object' && report.result !== null)
      return { kind: 'result', result: report.result as Record<string, unknown> }
    if ('error' in report) {
      const error = report.error as { name?: unknown; message?: unknown } | null
      if (
        error !== null &&
        typeof error === 'object' &&
        typeof error.name === 'string' &&
        error.name !== ''
      ) {
        return {
          kind: 'error',
          name: error.name,
          message: typeof error.message === 'string' ? error.message : '',
        }
      }
    }
  }
  return { kind: 'crash', reason: 'the client returned neither {result} nor {error: {name}}' }
}
