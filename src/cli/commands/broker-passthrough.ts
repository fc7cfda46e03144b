/**
 * `eck can-i-deploy …` and `eck record-deployment …`: passed through to `pact broker <command>` with
 * the broker URL and credentials from the environment, secrets redacted from what it prints; its exit
 * code is kept (can-i-deploy: 0 yes, 1 no).
 */
import { brokerAccess } from '../../pact/publish-pacts.js'
import { runPactCli } from '../../pact/pact-cli.js'
import type { CliContext } from '../output.js'

/** The broker commands passed through. */
export const BROKER_COMMANDS = ['can-i-deploy', 'record-deployment'] as const

/**
 * Runs a broker command.
 * @param command `can-i-deploy` or `record-deployment`.
 * @param args Its arguments, as given after the command.
 * @param context Where to read and write.
 * @returns The CLI's exit code.
 */
export async function brokerPassthrough(
  command: (typeof BROKER_COMMANDS)[number],
  args: readonly string[],
  context: CliContext,
): Promise<number> {
  const help = args.includes('--help') || args.includes('-h')
  if (help)
    context.out(
      `eck ${command}: runs \`pact broker ${command}\` with PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD from the environment.\n\n`,
    )
  const given = args.find(
    (arg) => arg.startsWith('--broker-base-url=') || arg === '--broker-base-url' || arg === '-b',
  )
  const access =
    help || given !== undefined
      ? {
          env: { ...context.env, PACT_DO_NOT_TRACK: 'true' },
          secrets: [context.env.PACT_BROKER_TOKEN, context.env.PACT_BROKER_PASSWORD].filter(
            (value): value is string => value !== undefined && value !== '',
          ),
        }
      : brokerAccess(undefined, context.env)
  // Credentials given as arguments are hidden too.
  const argumentSecrets = args.flatMap((arg, index) =>
    ['-k', '--broker-token', '-p', '--broker-password'].includes(arg)
      ? [args[index + 1] ?? '']
      : arg.startsWith('--broker-token=') || arg.startsWith('--broker-password=')
        ? [arg.slice(arg.indexOf('=') + 1)]
        : [],
  )
  const abort = new AbortController()
  void context.stopped?.then(() => {
    abort.abort()
  })
  // clap's --help is the CLI's; -h is not accepted there.
  const run = await runPactCli(
    ['broker', command, ...args.map((arg) => (arg === '-h' ? '--help' : arg))],
    {
      env: access.env,
      secrets: [...access.secrets, ...argumentSecrets],
      cwd: context.cwd,
      signal: abort.signal,
    },
  )
  context.out(run.stdout)
  context.err(run.stderr)
  return run.exitCode
}
