/**
 * `eck pact`: runs your client against the Pact mock server for each interaction and writes the pact it
 * really satisfies (the one your team publishes). Exit 0 when every interaction was satisfied, 1 when
 * some were left out of the pact (it is written with the rest), 2 on usage errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { writePact } from '../../pact/write-pact.js'
import { ToolkitError, UsageError } from '../../internal/toolkit-error.js'
import { resolveRevision } from '../../model/revisions.js'
import { resolveClient, type ClientOptions } from '../client-option.js'
import { optionText, parseDuration } from '../option-values.js'
import type { CliContext } from '../output.js'

/** Options of `eck pact`. */
export interface PactCommandOptions extends ClientOptions {
  readonly consumer?: string | boolean
  readonly outputDir?: string | boolean
  readonly revision?: string
  readonly deadline?: string | number | boolean
}

/**
 * Runs `eck pact`.
 * @param options The parsed options.
 * @param context Where to read and write.
 * @returns 0, or 1 when the client left interactions unsatisfied.
 * @throws UsageError on bad options.
 */
export async function pactCommand(
  options: PactCommandOptions,
  context: CliContext,
): Promise<number> {
  const consumer = optionText('--consumer', options.consumer)
  if (consumer === undefined || consumer.trim() === '')
    throw new UsageError(
      '--consumer is required: the name of your application in the Pact Broker, e.g. --consumer partner-portal.',
    )
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(consumer))
    throw new UsageError(
      `--consumer may use letters, digits, ".", "_" and "-" (it names the pact file), got ${JSON.stringify(consumer)}.`,
    )
  const revision = resolveRevision(optionText('--revision', options.revision)).id
  const deadlineText = optionText('--deadline', options.deadline)
  const dir = resolve(context.cwd, optionText('--output-dir', options.outputDir) ?? 'pacts')
  const client = await resolveClient(options, context)
  const result = await writePact(client, {
    consumer,
    revision,
    ...(deadlineText === undefined ? {} : { deadlineMs: parseDuration(deadlineText) }),
  }).finally(() => client.close?.())
  for (const description of result.kept) context.err(`eck pact: ok   ${description}\n`)
  for (const { description, reason } of result.left)
    context.err(`eck pact: LEFT ${description}: ${reason}\n`)
  if (result.kept.length === 0) {
    context.out(
      `eck pact: the client satisfied none of the ${result.left.length} interactions; no pact written.\n`,
    )
    return 1
  }
  const file = join(dir, result.fileName)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, result.pact)
  } catch (error) {
    throw new ToolkitError(
      `Cannot write the pact to ${file}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  context.out(
    `eck pact: ${file}: ${result.kept.length} interaction(s)${result.left.length === 0 ? '' : `; ${result.left.length} left out (the client did not satisfy them)`}\n`,
  )
  return result.left.length === 0 ? 0 : 1
}
