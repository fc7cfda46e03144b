/**
 * The client under test, whatever it is: an in-process function or a command (client protocol v1 or
 * v2). The harness calls it once per scenario.
 */
import type { ClientOutcome } from './client-outcome.js'
import { runCommandClient } from './command-client.js'
import { commandClientV2 } from './command-client-v2.js'
import { invariant } from '../internal/invariant.js'
import { runModuleClient, type ClientFunction } from './module-client.js'

/** One call of the client under test. */
export interface ClientCall {
  /** The scenario's base URL. */
  readonly baseUrl: string
  readonly scenarioId: string
  /** Past this the call is a hang. */
  readonly deadlineMs: number
  /** The run was stopped: end the call now (abort the module's signal, kill the command). */
  readonly signal?: AbortSignal
}

/** What one call produced. */
export interface ClientCallResult {
  readonly outcome: ClientOutcome
  /**
   * The end of a command client's output: its stderr (protocol v1); its stderr and the stdout lines
   * that are not answers, prefixed `[stdout] ` (protocol v2).
   */
  readonly stderr?: string
}

/** A client the harness can run. */
export interface ConformanceClient {
  /** For reports, e.g. `aws-sdk` or the command. */
  readonly name: string
  /** Whether it follows a task to its end with ListEngagementByAcceptingInvitationTasks (polling scenarios run only then). */
  readonly polls: boolean
  /** Calls the client once. Never throws for a misbehaving client. */
  call(input: unknown, call: ClientCall): Promise<ClientCallResult>
  /**
   * Frees what the client holds (a module client's thread, protocol v2 processes); absent when there is
   * nothing to free. A call after it starts again what it needs.
   */
  close?(): Promise<void>
}

/** Options of {@link moduleConformanceClient}. */
export interface ModuleClientOptions {
  /** @defaultValue false */
  readonly polls?: boolean
}

/**
 * Wraps an in-process client function.
 * @param name Its name in reports.
 * @param client The function `(input, context) => Promise<{result} | {error}>`.
 * @param options Whether it polls.
 * @returns The client.
 */
export function moduleConformanceClient(
  name: string,
  client: ClientFunction,
  options: ModuleClientOptions = {},
): ConformanceClient {
  return {
    name,
    polls: options.polls ?? false,
    call: async (input, call) => ({
      outcome: await runModuleClient(client, input, {
        baseUrl: call.baseUrl,
        scenarioId: call.scenarioId,
        deadlineMs: call.deadlineMs,
        ...(call.signal === undefined ? {} : { signal: call.signal }),
      }),
    }),
  }
}

/** Options of {@link commandConformanceClient}. */
export interface CommandClientOptions {
  /** @defaultValue false */
  readonly polls?: boolean
  /** The parent environment. @defaultValue this process's environment */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** @defaultValue the current directory */
  readonly cwd?: string
  /**
   * The client protocol: 1 runs the command once per call; 2 starts it once and sends it one request
   * line per call (README, "Client protocol v2").
   * @defaultValue 1
   */
  readonly protocol?: 1 | 2
  /**
   * Protocol 2 only: calls one process is given at once (another process is started when every one
   * is busy).
   * @defaultValue 1
   */
  readonly callsPerProcess?: number
}

const STDERR_KEPT = 2000

/**
 * Wraps a command that speaks the client protocol v1 (a process per call) or v2 (one process, many
 * calls; `close()` ends its processes).
 * @param command The shell command.
 * @param options Whether it polls, its environment and directory, the protocol.
 * @returns The client.
 * @throws UsageError on a protocol other than 1 or 2, or `callsPerProcess` with protocol 1.
 */
export function commandConformanceClient(
  command: string,
  options: CommandClientOptions = {},
): ConformanceClient {
  const protocol = options.protocol ?? 1
  invariant(
    (protocol as unknown) === 1 || (protocol as unknown) === 2,
    `Unknown client protocol ${JSON.stringify(protocol)}. Protocols: 1 (a process per call), 2 (one process, many calls).`,
  )
  if (protocol === 2) {
    return commandClientV2(command, {
      ...(options.polls === undefined ? {} : { polls: options.polls }),
      ...(options.env === undefined ? {} : { env: options.env }),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.callsPerProcess === undefined
        ? {}
        : { callsPerProcess: options.callsPerProcess }),
    })
  }
  invariant(
    options.callsPerProcess === undefined,
    'callsPerProcess is for protocol 2 (one process, many calls); protocol 1 starts a process per call.',
  )
  return {
    name: command,
    polls: options.polls ?? false,
    call: async (input, call) => {
      const run = await runCommandClient({
        command,
        input,
        baseUrl: call.baseUrl,
        scenarioId: call.scenarioId,
        deadlineMs: call.deadlineMs,
        ...(call.signal === undefined ? {} : { signal: call.signal }),
        ...(options.env === undefined ? {} : { env: options.env }),
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      })
      return { outcome: run.outcome, stderr: run.stderr.slice(-STDERR_KEPT) }
    },
  }
}
