/**
 * `eck publish [path]`: publishes pacts to a Pact Broker with the official CLI. Exit 0 when published,
 * 1 when the broker refused or could not be reached, 2 on usage errors. Tokens and passwords come from
 * the environment and are never printed.
 */
import { resolve } from 'node:path'
import { publishPacts } from '../../pact/publish-pacts.js'
import { optionInteger, optionText } from '../option-values.js'
import type { CliContext } from '../output.js'

/** Options of `eck publish`. */
export interface PublishCommandOptions {
  readonly brokerUrl?: string | boolean
  readonly consumerVersion?: string | boolean
  readonly branch?: string | boolean
  readonly buildUrl?: string | boolean
  readonly retries?: string | number | boolean
}

/**
 * Runs `eck publish`.
 * @param path The pact directory or file. @defaultValue pacts
 * @param options The parsed options.
 * @param context Where to read and write.
 * @returns 0 when published, 1 otherwise.
 */
export async function publishCommand(
  path: string | undefined,
  options: PublishCommandOptions,
  context: CliContext,
): Promise<number> {
  const brokerUrl = optionText('--broker-url', options.brokerUrl)
  const consumerVersion = optionText('--consumer-version', options.consumerVersion)
  const branch = optionText('--branch', options.branch)
  const buildUrl = optionText('--build-url', options.buildUrl)
  const retries = optionInteger('--retries', options.retries, 0, 20)
  const abort = new AbortController()
  void context.stopped?.then(() => {
    abort.abort()
  })
  const result = await publishPacts({
    path: resolve(context.cwd, path ?? 'pacts'),
    ...(brokerUrl === undefined ? {} : { brokerUrl }),
    ...(consumerVersion === undefined ? {} : { consumerVersion }),
    ...(branch === undefined ? {} : { branch }),
    ...(buildUrl === undefined ? {} : { buildUrl }),
    ...(retries === undefined ? {} : { retries }),
    env: context.env,
    cwd: context.cwd,
    signal: abort.signal,
  })
  context.out(result.stdout)
  context.err(result.stderr)
  if (result.exitCode === 0) {
    context.err(
      `eck publish: published as version ${result.consumerVersion}${result.branch === undefined ? '' : ` on branch ${result.branch}`}\n`,
    )
    return 0
  }
  context.err(
    `eck publish: the Pact CLI failed (exit ${result.exitCode}); nothing was published, or only part of it. See its output above.\n`,
  )
  return 1
}
