/**
 * `eck mock`: serves the simulator on a loopback port until stopped.
 */
import { parseBehaviourScript } from '../../mock/behaviour-script.js'
import { startMockServer } from '../../mock/server.js'
import { resolveRevision } from '../../model/revisions.js'
import { UsageError } from '../../internal/toolkit-error.js'
import type { OptionValue } from '../option-values.js'
import type { CliContext } from '../output.js'
import { readJsonInput } from '../read-input.js'

/** Options of `eck mock`. */
export interface MockCommandOptions {
  readonly port?: string | number
  readonly host?: OptionValue
  readonly script?: OptionValue
  readonly seed?: string | number
  readonly revision?: OptionValue
  readonly secretAccessKey?: OptionValue
  readonly pollsInProgress?: string | number
}

function wholeNumber(
  name: string,
  value: string | number | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(
      `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(String(value))}.`,
    )
  }
  return number
}

/**
 * Runs `eck mock` until `context.stopped` settles.
 * @param options The parsed options.
 * @param context Where to write, and when to stop.
 * @returns 0 after a clean stop.
 * @throws UsageError on bad options or an unreadable script.
 */
export async function mockCommand(
  options: MockCommandOptions,
  context: CliContext,
): Promise<number> {
  const revision = resolveRevision(
    options.revision === undefined ? undefined : String(options.revision),
  ).id
  const port = wholeNumber('--port', options.port, 0, 65535) ?? 0
  const seed = wholeNumber('--seed', options.seed, -(2 ** 31), 2 ** 31)
  const pollsInProgress = wholeNumber('--polls-in-progress', options.pollsInProgress, 0, 1000)
  const script =
    options.script === undefined
      ? undefined
      : parseBehaviourScript(await readJsonInput(String(options.script), context.stdin))
  const host = options.host === undefined ? '127.0.0.1' : String(options.host)
  const secret =
    options.secretAccessKey === undefined
      ? context.env.ECK_MOCK_SECRET_ACCESS_KEY
      : String(options.secretAccessKey)
  if (secret === '')
    throw new UsageError(
      'ECK_MOCK_SECRET_ACCESS_KEY is set but empty; unset it, or set it to the secret the clients sign with.',
    )
  const server = await startMockServer({
    port,
    host,
    revision,
    ...(script === undefined ? {} : { script }),
    ...(seed === undefined ? {} : { seed }),
    ...(pollsInProgress === undefined ? {} : { pollsInProgress }),
    ...(secret === undefined ? {} : { signature: { secretAccessKey: secret } }),
  })
  context.out(`${server.url}\n`)
  context.err(
    [
      `eck mock: serving the Partner Central Selling simulator (revision ${revision}) on ${server.url}`,
      `  point clients at it: AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING=${server.url}`,
      `  own state per scenario: ${server.url}/s/<scenario>`,
      `  admin: GET ${server.url}/__eck/journal, POST ${server.url}/__eck/reset, PUT ${server.url}/__eck/script`,
      secret === undefined
        ? '  signatures: form checked, not verified (pass --secret-access-key or set ECK_MOCK_SECRET_ACCESS_KEY to verify)'
        : '  signatures: verified (requests signed more than 15 minutes from now are expired)',
      host === '127.0.0.1' || host === 'localhost' || host === '::1'
        ? ''
        : `  warning: listening on ${host}, not only on loopback`,
      '  stop with Ctrl-C',
      '',
    ]
      .filter((line, index, lines) => line !== '' || index === lines.length - 1)
      .join('\n'),
  )
  await (context.stopped ?? new Promise<void>(() => undefined))
  await server.close()
  context.err('eck mock: stopped\n')
  return 0
}
