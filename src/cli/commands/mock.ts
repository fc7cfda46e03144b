/**
 * `eck mock`: serves the simulator on a loopback port until stopped.
 */
import { parseBehaviourScript } from '../../mock/behaviour-script.js'
import { startMockServer } from '../../mock/server.js'
import { resolveRevision } from '../../model/revisions.js'
import { UsageError } from '../../internal/toolkit-error.js'
import { CREDENTIAL_STATUSES, parseCredentials, type Credential } from '../../mock/credentials.js'
import { parseDuration, type OptionValue } from '../option-values.js'
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
  /** A JSON file (or `-`) with `credentials` and `clockSkewMs`. */
  readonly frontDoor?: OptionValue
  /** `ACCESS_KEY_ID:SECRET[:STATUS[:SESSION_TOKEN]]`, repeatable. */
  readonly credential?: OptionValue | readonly OptionValue[]
  /** e.g. `20m`, `-20m`, `90s`. */
  readonly clockSkew?: string | number
}

/** What `--front-door FILE` holds. */
interface FrontDoorFile {
  readonly credentials?: readonly Credential[]
  readonly clockSkewMs?: number
}

const DAY_MS = 86_400_000

function readFrontDoorFile(value: unknown, where: string): FrontDoorFile {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(
      `${where}: expected an object like {"credentials":[{"accessKeyId":"AKIA…","secretAccessKey":"…","status":"expired"}],"clockSkewMs":1200000}.`,
    )
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record))
    if (key !== 'credentials' && key !== 'clockSkewMs')
      throw new UsageError(
        `${where}: unknown member ${JSON.stringify(key)}; known: credentials, clockSkewMs.`,
      )
  const skew = record.clockSkewMs
  if (
    skew !== undefined &&
    (typeof skew !== 'number' || !Number.isInteger(skew) || Math.abs(skew) > DAY_MS)
  )
    throw new UsageError(
      `${where}: clockSkewMs must be a whole number of milliseconds from -${String(DAY_MS)} to ${String(DAY_MS)}, got ${JSON.stringify(skew)}.`,
    )
  return {
    ...(record.credentials === undefined
      ? {}
      : { credentials: parseCredentials(record.credentials, `${where}: credentials`) }),
    ...(typeof skew === 'number' ? { clockSkewMs: skew } : {}),
  }
}

/**
 * Reads `--credential ACCESS_KEY_ID:SECRET[:STATUS[:SESSION_TOKEN]]`.
 * @param spec The option value.
 * @returns The credential (checked by {@link parseCredentials}).
 */
function credentialOf(spec: string): Record<string, string> {
  const [accessKeyId = '', secretAccessKey, status, sessionToken] = spec.split(':')
  if (accessKeyId === '' || secretAccessKey === undefined || secretAccessKey === '')
    throw new UsageError(
      `--credential must be ACCESS_KEY_ID:SECRET[:STATUS[:SESSION_TOKEN]] (status: ${CREDENTIAL_STATUSES.join(', ')}), got ${JSON.stringify(spec.replace(/:.*/, ':…'))}.`,
    )
  return {
    accessKeyId,
    secretAccessKey,
    ...(status === undefined || status === '' ? {} : { status }),
    ...(sessionToken === undefined || sessionToken === '' ? {} : { sessionToken }),
  }
}

/**
 * Reads `--clock-skew`: a duration with an optional sign (`20m` ahead, `-20m` behind).
 * @param value The option value.
 * @returns Milliseconds.
 */
function clockSkewOf(value: string | number): number {
  const text = String(value).trim()
  const negative = text.startsWith('-')
  const ms = parseDuration(text.replace(/^[-+]/, ''), '--clock-skew')
  if (ms > DAY_MS)
    throw new UsageError(
      `--clock-skew must be at most 24h either way, got ${JSON.stringify(text)}.`,
    )
  return negative ? -ms : ms
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
  const file =
    options.frontDoor === undefined
      ? {}
      : readFrontDoorFile(
          await readJsonInput(String(options.frontDoor), context.stdin),
          `--front-door ${String(options.frontDoor)}`,
        )
  const flagged = (
    options.credential === undefined
      ? []
      : Array.isArray(options.credential)
        ? (options.credential as readonly OptionValue[])
        : [options.credential as OptionValue]
  ).map((spec) => credentialOf(String(spec)))
  const credentials =
    file.credentials === undefined && flagged.length === 0
      ? undefined
      : parseCredentials([...(file.credentials ?? []), ...flagged], '--credential')
  const clockSkewMs =
    options.clockSkew === undefined ? file.clockSkewMs : clockSkewOf(options.clockSkew)
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
    ...(credentials === undefined ? {} : { credentials }),
    ...(clockSkewMs === undefined || clockSkewMs === 0 ? {} : { clockSkewMs }),
  })
  context.out(`${server.url}\n`)
  context.err(
    [
      `eck mock: serving the Partner Central Selling simulator (revision ${revision}) on ${server.url}`,
      `  point clients at it: AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING=${server.url}`,
      `  own state per scenario: ${server.url}/s/<scenario>`,
      `  admin: GET ${server.url}/__eck/journal, POST ${server.url}/__eck/reset, PUT ${server.url}/__eck/script`,
      credentials !== undefined
        ? `  credentials: ${credentials.map((credential) => `${credential.accessKeyId} ${credential.status ?? 'valid'}${credential.secretAccessKey === undefined ? ' (form checked)' : ''}`).join(', ')}; any other key is unknown (UnrecognizedClientException)`
        : secret === undefined
          ? '  signatures: form checked, not verified (pass --secret-access-key or set ECK_MOCK_SECRET_ACCESS_KEY to verify)'
          : '  signatures: verified (requests signed more than 15 minutes from now are expired)',
      clockSkewMs === undefined || clockSkewMs === 0
        ? ''
        : `  clock: ${String(Math.abs(clockSkewMs / 60_000))} min ${clockSkewMs > 0 ? 'ahead of' : 'behind'} real time (requests signed more than 15 minutes from it get InvalidSignatureException)`,
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
