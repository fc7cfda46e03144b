/**
 * The bundled clients: `@aws-sdk/client-partnercentral-selling` as a careful user configures it (a
 * request timeout that really throws, standard retries), exactly as shipped, and careful plus polling.
 */
import {
  ListEngagementByAcceptingInvitationTasksCommand,
  PartnerCentralSellingClient,
  StartEngagementByAcceptingInvitationTaskCommand,
  type PartnerCentralSellingClientConfig,
} from '@aws-sdk/client-partnercentral-selling'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { ClientContext, ClientFunction, ClientReport } from '../module-client.js'

/** The names of the bundled clients. */
export const BUNDLED_CLIENTS = ['aws-sdk', 'aws-sdk-defaults', 'aws-sdk-polling'] as const

/** A bundled client's name. */
export type BundledClientName = (typeof BUNDLED_CLIENTS)[number]

/** How the careful client is configured. */
export const CAREFUL_SDK_CONFIG = {
  /** Per attempt: a response that never comes is a TimeoutError after this long (and is retried). */
  requestTimeoutMs: 1000,
  connectionTimeoutMs: 1000,
  /** The SDK's standard retry mode: 3 attempts in all. */
  maxAttempts: 3,
  /** Polling: List every this many ms, at most `maxPolls` times. */
  pollIntervalMs: 20,
  maxPolls: 50,
} as const

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

/**
 * Names an error the SDK threw, in protocol v1 terms: the AWS error name when the service answered
 * with one, TimeoutError, NetworkError, or UnknownError (e.g. a `SyntaxError` on an HTML body).
 * @param error What `send` threw.
 * @returns The name and message to report.
 */
export function reportSdkError(error: unknown): ClientReport {
  const e = (error ?? {}) as {
    name?: unknown
    message?: unknown
    code?: unknown
    $metadata?: { httpStatusCode?: number }
    $fault?: unknown
  }
  const message = typeof e.message === 'string' ? e.message : String(error)
  const name = typeof e.name === 'string' ? e.name : ''
  if (name === 'TimeoutError' || name === 'AbortError' || e.code === 'ETIMEDOUT')
    return { error: { name: 'TimeoutError', message } }
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code))
    return { error: { name: 'NetworkError', message: `${e.code}: ${message}` } }
  const status = e.$metadata?.httpStatusCode
  if (e.$fault !== undefined && name !== '' && name !== 'Error' && name !== 'SyntaxError')
    return { error: { name, message } }
  return {
    error: {
      name: 'UnknownError',
      message: `${name === '' ? 'Error' : name}${status === undefined ? '' : ` (HTTP ${status})`}: ${message}`,
    },
  }
}

function clientFor(context: ClientContext, careful: boolean): PartnerCentralSellingClient {
  const config: PartnerCentralSellingClientConfig = {
    region: context.region,
    endpoint: context.endpoint,
    credentials: context.credentials,
    ...(careful
      ? {
          maxAttempts: CAREFUL_SDK_CONFIG.maxAttempts,
          requestHandler: new NodeHttpHandler({
            requestTimeout: CAREFUL_SDK_CONFIG.requestTimeoutMs,
            connectionTimeout: CAREFUL_SDK_CONFIG.connectionTimeoutMs,
            throwOnRequestTimeout: true,
          }),
        }
      : {}),
  }
  return new PartnerCentralSellingClient(config)
}

const TERMINAL = new Set(['COMPLETE', 'FAILED'])

function membersOf(output: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(output)) {
    if (key === '$metadata' || value === undefined) continue
    out[key] = value instanceof Date ? value.toISOString() : value
  }
  return out
}

function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value !== ''
}

/**
 * Creates a bundled client.
 * @param name `aws-sdk` (careful), `aws-sdk-defaults` (as shipped) or `aws-sdk-polling` (careful, and
 * follows the task to its end with ListEngagementByAcceptingInvitationTasks).
 * @returns The in-process client function.
 */
export function createAwsSdkClient(name: BundledClientName): ClientFunction {
  const careful = name !== 'aws-sdk-defaults'
  const polls = name === 'aws-sdk-polling'
  return async (input, context) => {
    const client = clientFor(context, careful)
    try {
      const started = membersOf(
        await client.send(new StartEngagementByAcceptingInvitationTaskCommand(input as never), {
          abortSignal: context.signal,
        }),
      )
      // The SDK turns an empty 200 or a JSON array into {}: a careful client does not report a task
      // that does not exist (as shipped, the SDK's defaults pass it on).
      if (careful && (!isNonEmptyString(started.TaskId) || !isNonEmptyString(started.TaskStatus)))
        return {
          error: {
            name: 'UnknownError',
            message: `The service answered 200 without a TaskId and a TaskStatus (${JSON.stringify(started).slice(0, 200)}).`,
          },
        }
      if (!polls || TERMINAL.has(String(started.TaskStatus))) return { result: started }
      for (let poll = 0; poll < CAREFUL_SDK_CONFIG.maxPolls; poll++) {
        await new Promise((resolve) => setTimeout(resolve, CAREFUL_SDK_CONFIG.pollIntervalMs))
        const page = await client.send(
          new ListEngagementByAcceptingInvitationTasksCommand({
            Catalog: (input as { Catalog: string }).Catalog,
            TaskIdentifier: [String(started.TaskId)],
          }),
          { abortSignal: context.signal },
        )
        const summary = page.TaskSummaries?.find((task) => task.TaskId === started.TaskId)
        if (summary !== undefined && TERMINAL.has(String(summary.TaskStatus)))
          return { result: { ...started, ...membersOf(summary) } }
      }
      return { result: started }
    } catch (error) {
      return reportSdkError(error)
    } finally {
      client.destroy()
    }
  }
}
