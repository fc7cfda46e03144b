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
import { optionText } from './option-values.js'
import type { CliContext } from './output.js'

/** The options that name a client. */
export interface ClientOptions {
  readonly client?: string | boolean
  readonly command?: string | boolean
  readonly polls?: boolean
}

/**
 * Resolves the client under test: a bundled client, a module path, or a protocol v1 command.
 * @param options `--client`, `--command`, `--polls`.
 * @param context The environment and directory (for commands and relative paths).
 * @returns The client; `aws-sdk` when neither option is given.
 * @throws UsageError on an unknown client, a missing module, or both options.
 */
export async function resolveClient(
  options: ClientOptions,
  context: CliContext,
): Promise<ConformanceClient> {
  const client = optionText('--client', options.client)
  const command = optionText('--command', options.command)
  if (client !== undefined && command !== undefined)
    throw new UsageError('Give --client or --command, not both.')
  if (command !== undefined) {
    if (command.trim() === '')
      throw new UsageError(
        '--command is empty; give the shell command that runs your client, e.g. --command "python3 client.py".',
      )
    return commandConformanceClient(command, {
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
