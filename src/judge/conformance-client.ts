/**
 * The client under test, whatever it is: an in-process function or a protocol v1 command. The harness
 * calls it once per scenario.
 */
import type { ClientOutcome } from './client-outcome.js'
import { runCommandClient } from './command-client.js'
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
  /** The end of the client's stderr (protocol v1 only). */
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
  /** Frees what the client holds (a module client's thread); absent when there is nothing to free. */
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
}

const STDERR_KEPT = 2000

/**
 * Wraps a protocol v1 command.
 * @param command The shell command.
 * @param options Whether it polls, its environment and directory.
 * @returns The client.
 */
export function commandConformanceClient(
  command: string,
  options: CommandClientOptions = {},
): ConformanceClient {
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
