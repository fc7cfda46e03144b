/**
 * The client under test, from `--client` or `--command` (shared by `eck check` and `eck fuzz`).
 */
import {
  BUNDLED_CLIENTS,
  createAwsSdkClient,
  type BundledClientName,
} from '../judge/clients/aws-sdk-client.js'
import { Writable } from 'node:stream'
import { loadClientModule } from '../judge/clients/load-client-module.js'
import { workerModuleClient } from '../judge/worker-module-client.js'
import {
  commandConformanceClient,
  moduleConformanceClient,
  type ConformanceClient,
} from '../judge/conformance-client.js'
import { UsageError } from '../internal/toolkit-error.js'
import { optionInteger, optionText } from './option-values.js'
import type { CliContext } from './output.js'

/** The options that name a client. */
export interface ClientOptions {
  readonly client?: string | boolean
  readonly command?: string | boolean
  readonly polls?: boolean
  /** `--protocol 1|2`, with --command. */
  readonly protocol?: string | number | boolean
  /** `--calls-per-process <n>`, with --protocol 2. */
  readonly callsPerProcess?: string | number | boolean
}

/**
 * Reads `--protocol` and `--calls-per-process`.
 * @param options The client options.
 * @param command Whether --command was given.
 * @returns The protocol and the calls per process (protocol 2 only).
 * @throws UsageError on another protocol, a protocol without --command, or calls per process without protocol 2.
 */
function protocolOptions(
  options: ClientOptions,
  command: boolean,
): { protocol: 1 | 2; callsPerProcess?: number } {
  const text = optionText('--protocol', options.protocol)
  if (text !== undefined && text.trim() !== '1' && text.trim() !== '2')
    throw new UsageError(
      `--protocol must be 1 (a process per call) or 2 (one process, many calls), got ${JSON.stringify(text)}.`,
    )
  if (text !== undefined && !command)
    throw new UsageError(
      '--protocol is for --command (a client in any language); --client runs in-process.',
    )
  const protocol = text?.trim() === '2' ? 2 : 1
  const callsPerProcess = optionInteger('--calls-per-process', options.callsPerProcess, 1, 256)
  if (callsPerProcess !== undefined && protocol !== 2)
    throw new UsageError(
      '--calls-per-process is for --protocol 2 (one process, many calls); protocol 1 starts a process per call.',
    )
  return callsPerProcess === undefined ? { protocol } : { protocol, callsPerProcess }
}

/**
 * Resolves the client under test: a bundled client, a module path, or a command (protocol v1 or v2).
 * @param options `--client`, `--command`, `--polls`, `--protocol`, `--calls-per-process`.
 * @param context The environment and directory (for commands and relative paths).
 * @returns The client; `aws-sdk` when neither option is given.
 * @throws UsageError on an unknown client, a missing module, both options, or a wrong protocol.
 */
export async function resolveClient(
  options: ClientOptions,
  context: CliContext,
): Promise<ConformanceClient> {
  const client = optionText('--client', options.client)
  const command = optionText('--command', options.command)
  if (client !== undefined && command !== undefined)
    throw new UsageError('Give --client or --command, not both.')
  const protocol = protocolOptions(options, command !== undefined)
  if (command !== undefined) {
    if (command.trim() === '')
      throw new UsageError(
        '--command is empty; give the shell command that runs your client, e.g. --command "python3 client.py".',
      )
    return commandConformanceClient(command, {
      ...protocol,
      polls: options.polls === true,
      env: context.env,
      cwd: context.cwd,
    })
  }
  const name = client ?? 'aws-sdk'
  if ((BUNDLED_CLIENTS as readonly string[]).includes(name)) {
    const bundled = name as BundledClientName
    return moduleConformanceClient(bundled, createAwsSdkClient(bundled), {
      polls: bundled === 'aws-sdk-polling',
    })
  }
  if (!/[./\\]/.test(name)) {
    throw new UsageError(
      `Unknown client ${JSON.stringify(name)}. Bundled clients: ${BUNDLED_CLIENTS.join(', ')}; or a module path like ./my-client.ts; or --command "<shell command>".`,
    )
  }
  const loaded = await loadClientModule(name, context.cwd)
  // In a thread of its own: a client stuck in a synchronous loop is stopped at the deadline.
  // Its console output goes to eck's stderr: stdout carries the report.
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      context.err(chunk.toString())
      done()
    },
  })
  return workerModuleClient(name, loaded.path, {
    polls: loaded.polls || options.polls === true,
    output,
  })
}
