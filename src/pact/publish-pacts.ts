/**
 * Publishing pacts to a Pact Broker with the official CLI (`pact broker publish`), with the consumer
 * version, branch and build URL taken from git and the CI's variables when not given. Credentials go to
 * the CLI through its environment, never on its command line, and never into any output.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { UsageError } from '../internal/toolkit-error.js'
import { runPactCli, type PactCliRun } from './pact-cli.js'

/** Options of {@link publishPacts}. */
export interface PublishPactsOptions {
  /** A directory of pact files, or one file. */
  readonly path: string
  /** @defaultValue $PACT_BROKER_BASE_URL */
  readonly brokerUrl?: string
  /** @defaultValue the CI's commit variable, else `git rev-parse HEAD` */
  readonly consumerVersion?: string
  /** @defaultValue the CI's branch variable, else `git rev-parse --abbrev-ref HEAD` */
  readonly branch?: string
  /** @defaultValue the CI's build URL, when there is one */
  readonly buildUrl?: string
  /** HTTP retries of the CLI (exponential back-off from 0.5 s). @defaultValue 3 */
  readonly retries?: number
  /** The environment: `PACT_BROKER_TOKEN`, or `PACT_BROKER_USERNAME` and `PACT_BROKER_PASSWORD`, and CI variables. */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly signal?: AbortSignal
}

/** What was published, and what the CLI said. */
export interface PublishPactsResult extends PactCliRun {
  readonly consumerVersion: string
  readonly branch?: string
  readonly buildUrl?: string
}

function git(args: readonly string[], cwd: string): string | undefined {
  try {
    const out = execFileSync('git', [...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    return out === '' || out === 'HEAD' ? undefined : out
  } catch {
    return undefined
  }
}

/**
 * The version, branch and build URL of this build, from CI variables (GitHub Actions, GitLab CI,
 * Jenkins, CircleCI, Buildkite) or git.
 * @param env The environment.
 * @param cwd Where git runs.
 * @returns What is known.
 */
export function buildIdentity(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): { version?: string; branch?: string; buildUrl?: string } {
  const first = (...values: (string | undefined)[]): string | undefined =>
    values.find((value) => value !== undefined && value !== '')
  const version =
    first(
      env.GITHUB_SHA,
      env.CI_COMMIT_SHA,
      env.GIT_COMMIT,
      env.CIRCLE_SHA1,
      env.BUILDKITE_COMMIT,
    ) ?? git(['rev-parse', 'HEAD'], cwd)
  const branch =
    first(
      env.GITHUB_HEAD_REF,
      env.GITHUB_REF_NAME,
      env.CI_COMMIT_REF_NAME,
      env.GIT_BRANCH?.replace(/^origin\//, ''),
      env.CIRCLE_BRANCH,
      env.BUILDKITE_BRANCH,
    ) ?? git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd)
  const github =
    env.GITHUB_SERVER_URL !== undefined &&
    env.GITHUB_REPOSITORY !== undefined &&
    env.GITHUB_RUN_ID !== undefined
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  const buildUrl = first(
    github,
    env.CI_JOB_URL,
    env.BUILD_URL,
    env.CIRCLE_BUILD_URL,
    env.BUILDKITE_BUILD_URL,
  )
  return {
    ...(version === undefined ? {} : { version }),
    ...(branch === undefined ? {} : { branch }),
    ...(buildUrl === undefined ? {} : { buildUrl }),
  }
}

/**
 * The broker URL and credentials, checked.
 * @param brokerUrl The URL option.
 * @param env The environment.
 * @returns The URL, the CLI's environment, and the secrets to redact.
 * @throws UsageError when the URL is missing or not http(s), or the credentials are half given.
 */
export function brokerAccess(
  brokerUrl: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { url: string; env: Record<string, string | undefined>; secrets: string[] } {
  const url = brokerUrl ?? env.PACT_BROKER_BASE_URL
  if (url === undefined || url === '')
    throw new UsageError('No Pact Broker: give --broker-url or set PACT_BROKER_BASE_URL.')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`The broker URL is not a URL: ${JSON.stringify(url)}.`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UsageError(
      `The broker URL must be http or https, got ${JSON.stringify(parsed.protocol)}.`,
    )
  if (parsed.username !== '' || parsed.password !== '')
    throw new UsageError(
      'Put broker credentials in PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, not in the URL.',
    )
  const {
    PACT_BROKER_TOKEN: token,
    PACT_BROKER_USERNAME: username,
    PACT_BROKER_PASSWORD: password,
  } = env
  if ((username === undefined) !== (password === undefined))
    throw new UsageError('Set both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, or neither.')
  if (token !== undefined && username !== undefined)
    throw new UsageError(
      'Set PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, not both.',
    )
  return {
    url: url.replace(/\/+$/, ''),
    env: { ...env, PACT_BROKER_BASE_URL: url.replace(/\/+$/, ''), PACT_DO_NOT_TRACK: 'true' },
    secrets: [
      token,
      password,
      username !== undefined && password !== undefined ? `${username}:${password}` : undefined,
    ].filter((value): value is string => value !== undefined && value !== ''),
  }
}

/**
 * Publishes pacts.
 * @param options The pacts, broker, version, branch, environment.
 * @returns What the CLI did (exit code and redacted output) and the version and branch used.
 * @throws UsageError when there are no pacts, no broker, or no consumer version.
 */
export async function publishPacts(options: PublishPactsOptions): Promise<PublishPactsResult> {
  if (!existsSync(options.path))
    throw new UsageError(
      `No pacts at ${options.path}. Write them first (eck pact), or give the directory that holds them.`,
    )
  if (
    statSync(options.path).isDirectory() &&
    !readdirSync(options.path).some((name) => name.endsWith('.json'))
  ) {
    throw new UsageError(`${options.path} holds no pact files (*.json).`)
  }
  const access = brokerAccess(options.brokerUrl, options.env)
  const identity = buildIdentity(options.env, options.cwd)
  const consumerVersion = options.consumerVersion ?? identity.version
  if (consumerVersion === undefined)
    throw new UsageError(
      'No consumer version: give --consumer-version (e.g. the git commit), or run inside a git checkout or a CI that sets one.',
    )
  const branch = options.branch ?? identity.branch
  const buildUrl = options.buildUrl ?? identity.buildUrl
  const args = [
    'broker',
    'publish',
    options.path,
    '--broker-base-url',
    access.url,
    '--consumer-app-version',
    consumerVersion,
    ...(branch === undefined ? [] : ['--branch', branch]),
    ...(buildUrl === undefined ? [] : ['--build-url', buildUrl]),
    '--retries',
    String(options.retries ?? 3),
  ]
  const run = await runPactCli(args, {
    env: access.env,
    secrets: access.secrets,
    cwd: options.cwd,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })
  return {
    ...run,
    consumerVersion,
    ...(branch === undefined ? {} : { branch }),
    ...(buildUrl === undefined ? {} : { buildUrl }),
  }
}
