/**
 * The `eck` command line: parses arguments with cac, runs one command, returns the exit code.
 * Exit codes: 0 passed, 1 contract or conformance failure, 2 usage or internal error.
 */
import { cac, type CAC } from 'cac'
import { DOCUMENT_KINDS } from '../validators/validate-document.js'
import { packageVersion } from '../internal/package-version.js'
import { ToolkitError, UsageError, MESSAGE_PREFIX } from '../internal/toolkit-error.js'
import type { CliContext } from './output.js'

type Action = () => Promise<number>

// mri (cac's parser) drops a lone `-`; it stands for stdin, so it is swapped for this token first.
const STDIN_ARG = '\u0000stdin'

const REVISION_HELP = 'API revision: 2025-12 (alias latest) or reference'
const PROTOCOL_HELP =
  'With --command: the client protocol, 1 (a process per call) or 2 (one process, many calls; README "Client protocol v2") (default: 1)'
const CALLS_PER_PROCESS_HELP =
  'With --protocol 2: calls one process is given at once; another starts when all are busy (default: 1)'

/**
 * Builds the cac program. Each command's action stores a thunk in `pending` instead of running.
 * @param context Where commands read and write.
 * @param pending Receives the action of the matched command.
 * @returns The cac instance.
 */
function createCli(context: CliContext, pending: { action?: Action }): CAC {
  const cli = cac('eck')

  cli
    .command(
      'validate <kind> [file]',
      `Check a JSON document (${DOCUMENT_KINDS.join('|')}) against its contract; no file or - reads stdin`,
    )
    .option('--revision <id>', REVISION_HELP, { default: '2025-12' })
    .option('--name <error>', 'For kind error: the error name, when the body has no __type or code')
    .option('--json', 'Print a JSON report')
    .example('  $ eck validate request examples/request.json')
    .example('  $ echo \'{"Catalog":"AWS"}\' | eck validate request - --json')
    .action(
      (
        kind: string,
        file: string | undefined,
        options: { revision?: string; name?: string; json?: boolean },
      ) => {
        pending.action = async () => {
          const { validateCommand } = await import('./commands/validate.js')
          const path = file === undefined || file === STDIN_ARG ? '-' : file
          return validateCommand(kind, path, options, context)
        }
      },
    )

  cli
    .command(
      'generate <kind>',
      'Print generated values (request|response|error|field) as NDJSON, one per line',
    )
    .option('--invalid', 'Values that break a rule, tagged with field, rule and expectedCode')
    .option(
      '--field <name>',
      'The member (required for field; narrows --invalid; for error, the error name)',
    )
    .option('--rule <rule>', 'With --invalid: only this rule (e.g. too-long)')
    .option('-n, --count <n>', 'How many values', { default: 10 })
    .option(
      '--seed <seed>',
      'Seed: the same seed gives the same lines (default: random, printed on stderr)',
    )
    .option('--revision <id>', REVISION_HELP, { default: '2025-12' })
    .example('  $ eck generate request -n 5 --seed 42')
    .example('  $ eck generate request --invalid --field ClientToken --rule too-long -n 3')
    .example('  $ eck generate field --field Identifier -n 100')
    .action((kind: string, options: Record<string, unknown>) => {
      pending.action = async () => {
        const { generateCommand } = await import('./commands/generate.js')
        return generateCommand(kind, options, context)
      }
    })

  cli
    .command('mock', 'Serve the simulator on a loopback port until stopped (prints its URL)')
    .option('--port <port>', 'Port; 0 picks a free one', { default: 0 })
    .option('--host <host>', 'Address to bind', { default: '127.0.0.1' })
    .option('--script <file>', 'Behaviour script (JSON): faults per operation and attempt')
    .option('--seed <seed>', 'Seed of ids, jitter and random faults')
    .option('--revision <id>', REVISION_HELP, { default: '2025-12' })
    .option(
      '--secret-access-key <key>',
      'Verify SigV4 signatures with this secret (default: $ECK_MOCK_SECRET_ACCESS_KEY; otherwise only their form)',
    )
    .option(
      '--polls-in-progress <n>',
      'List polls that see a new task IN_PROGRESS before it ends',
      { default: 1 },
    )
    .option(
      '--credential <spec>',
      'A key the front door knows: ACCESS_KEY_ID:SECRET[:STATUS[:SESSION_TOKEN]], STATUS one of valid, expired, unknown, denied, not-opted-in (repeatable; any other key is unknown)',
    )
    .option(
      '--clock-skew <duration>',
      "Run the server's clock ahead (20m) or behind (-20m) real time: requests signed more than 15 minutes from it are refused",
    )
    .option(
      '--front-door <file>',
      'JSON with "credentials" (as --credential) and "clockSkewMs"; - reads stdin',
    )
    .example('  $ eck mock --port 4566')
    .example('  $ eck mock --credential AKIDEXAMPLE:secret:expired   # "our token expired"')
    .example('  $ eck mock --clock-skew 20m                          # a drifted clock')
    .example('  $ eck mock --script throttle-twice.json --seed 7')
    .action((options: Record<string, unknown>) => {
      pending.action = async () => {
        const { mockCommand } = await import('./commands/mock.js')
        return mockCommand(options, context)
      }
    })

  cli
    .command(
      'check',
      'Run a client against every conformance scenario on a loopback simulator and give a verdict',
    )
    .option(
      '--client <client>',
      'aws-sdk (careful), aws-sdk-defaults (as shipped), aws-sdk-polling, or a module path (.js/.mjs/.ts)',
      { default: undefined },
    )
    .option(
      '--command <cmd>',
      'A client in any language: a shell command that speaks the client protocol v1 (or v2 with --protocol 2)',
    )
    .option('--protocol <n>', PROTOCOL_HELP)
    .option('--calls-per-process <n>', CALLS_PER_PROCESS_HELP)
    .option(
      '--polls',
      'The client follows the task to its end with ListEngagementByAcceptingInvitationTasks (runs the polling scenarios)',
    )
    .option('--revision <id>', REVISION_HELP, { default: '2025-12' })
    .option(
      '--only <selectors>',
      'Only these scenarios: ids, id prefixes or tags, comma-separated or repeated',
    )
    .option('--skip <selectors>', 'Skip these scenarios: ids, id prefixes or tags')
    .option('--concurrency <n>', 'Scenarios at once (default 8; 4 with --command)')
    .option(
      '--deadline <duration>',
      'Per scenario: past this a call counts as a hang (e.g. 10s, 500ms)',
      { default: '10s' },
    )
    .option('--reporter <name>', 'console, json, junit, markdown, github or html', {
      default: 'console',
    })
    .option(
      '--output <file>',
      'Write the report to this file (the console summary still goes to stdout)',
    )
    .option('--list', 'List the selected scenarios and exit')
    .option('--strict', 'A failed should rule fails the run too (exit 1)')
    .option('--quiet', 'No progress lines on stderr')
    .example('  $ eck check --client aws-sdk')
    .example(
      '  $ eck check --client ./my-client.ts --only error,retry --reporter junit --output eck.xml',
    )
    .example('  $ eck check --command "python3 client.py" --deadline 20s')
    .example('  $ eck check --command "python3 client.py --protocol 2" --protocol 2')
    .action((options: Record<string, unknown>) => {
      pending.action = async () => {
        const { checkCommand } = await import('./commands/check.js')
        return checkCommand(options, context)
      }
    })

  cli
    .command(
      'fuzz',
      'Fuzz a client: random inputs and server behaviour, failures shrunk and replayable',
    )
    .option(
      '--client <client>',
      'aws-sdk, aws-sdk-defaults, aws-sdk-polling, or a module path (.js/.mjs/.ts)',
    )
    .option(
      '--command <cmd>',
      'A client in any language (client protocol v1, or v2 with --protocol 2)',
    )
    .option('--protocol <n>', PROTOCOL_HELP)
    .option('--calls-per-process <n>', CALLS_PER_PROCESS_HELP)
    .option('--runs <n>', 'Random runs for this shard', { default: 200 })
    .option('--seed <seed>', 'Base seed (default: random, printed in the report)')
    .option('--shard <i/n>', 'Run shard i of n (a CI matrix splits one fuzz with no overlap)')
    .option('--workers <n>', 'Runs at once, each worker with a seed of its own', { default: 8 })
    .option('--time-limit <duration>', 'Stop starting runs after this long (e.g. 5m)')
    .option('--deadline <duration>', 'Per call: past this it counts as a hang', { default: '10s' })
    .option(
      '--replay <seed:path>',
      'Re-run exactly one reported case (seed:path, or model:seed:path)',
    )
    .option('--corpus <dir>', 'Re-run saved failing cases first; save new ones here')
    .option('--model-runs <n>', 'Model-based call sequences (default: runs/20, at least 5)')
    .option('--no-faults', 'Random inputs only; the server answers every call normally')
    .option('--revision <id>', REVISION_HELP, { default: '2025-12' })
    .option('--reporter <name>', 'console, json or junit', { default: 'console' })
    .option(
      '--output <file>',
      'Write the report to this file (the console summary still goes to stdout)',
    )
    .option('--strict', 'A broken should rule fails the run too (otherwise it is a warning)')
    .option(
      '--allow-flaky',
      'A failure that does not come back on its re-run is reported but does not fail the run',
    )
    .option('--quiet', 'No progress lines on stderr')
    .example('  $ eck fuzz --client aws-sdk --runs 2000')
    .example('  $ eck fuzz --client ./my-client.ts --corpus .eck-corpus --shard 2/4 --seed 42')
    .example('  $ eck fuzz --client ./my-client.ts --replay 1234:17:0:3')
    .action((options: Record<string, unknown>) => {
      pending.action = async () => {
        const { fuzzCommand } = await import('./commands/fuzz.js')
        return fuzzCommand(options, context)
      }
    })

  cli
    .command(
      'pact',
      'Run your client against the Pact mock server and write the pact it really satisfies',
    )
    .option('--client <client>', 'aws-sdk, aws-sdk-defaults, or a module path (.js/.mjs/.ts)')
    .option(
      '--command <cmd>',
      'A client in any language (client protocol v1, or v2 with --protocol 2)',
    )
    .option('--protocol <n>', PROTOCOL_HELP)
    .option('--calls-per-process <n>', CALLS_PER_PROCESS_HELP)
    .option('--consumer <name>', 'Your application name in the Pact Broker (names the pact file)')
    .option('--output-dir <dir>', 'Where the pact file goes', { default: 'pacts' })
    .option('--deadline <duration>', 'Per call', { default: '10s' })
    .option('--revision <id>', REVISION_HELP, { default: '2025-12' })
    .example('  $ eck pact --client ./src/partner-client.ts --consumer partner-portal')
    .example(
      '  $ eck pact --command "python3 client.py" --consumer partner-sync --output-dir pacts',
    )
    .action((options: Record<string, unknown>) => {
      pending.action = async () => {
        const { pactCommand } = await import('./commands/pact.js')
        return pactCommand(options, context)
      }
    })

  cli
    .command(
      'publish [path]',
      'Publish pacts (a directory or file; default pacts) to a Pact Broker with the official Pact CLI',
    )
    .option(
      '--broker-url <url>',
      'The broker (default: $PACT_BROKER_BASE_URL); credentials from $PACT_BROKER_TOKEN or $PACT_BROKER_USERNAME/$PACT_BROKER_PASSWORD',
    )
    .option(
      '--consumer-version <version>',
      'Default: the CI commit ($GITHUB_SHA, $CI_COMMIT_SHA, …), else git rev-parse HEAD',
    )
    .option('--branch <branch>', 'Default: the CI branch, else the git branch')
    .option('--build-url <url>', 'Default: the CI build URL')
    .option('--retries <n>', 'HTTP retries (exponential back-off from 0.5 s)', { default: 3 })
    .example(
      '  $ PACT_BROKER_BASE_URL=https://broker.example PACT_BROKER_TOKEN=… eck publish pacts',
    )
    .action((path: string | undefined, options: Record<string, unknown>) => {
      pending.action = async () => {
        const { publishCommand } = await import('./commands/publish.js')
        return publishCommand(path, options, context)
      }
    })

  cli
    .command(
      'verify [...pacts]',
      "Verify pacts (files, URLs, or a broker's) against the simulator, with provider states",
    )
    .option(
      '--broker-url <url>',
      'Fetch the pacts for partnercentral-selling from this broker (default: $PACT_BROKER_BASE_URL when no files are given)',
    )
    .option('--publish', 'Publish the verification results to the broker')
    .option(
      '--provider-version <version>',
      'The version results are published as (default: the git commit)',
    )
    .option('--revision <id>', REVISION_HELP, { default: '2025-12' })
    .example('  $ eck verify contracts/pacts/eck-aws-sdk-partnercentral-selling.json')
    .example('  $ PACT_BROKER_BASE_URL=… PACT_BROKER_TOKEN=… eck verify --publish')
    .action((pacts: string[], options: Record<string, unknown>) => {
      pending.action = async () => {
        const { verifyCommand } = await import('./commands/verify.js')
        return verifyCommand(pacts, options, context)
      }
    })

  cli
    .command(
      'can-i-deploy',
      'Ask the Pact Broker (pact broker can-i-deploy; its options pass through)',
    )
    .allowUnknownOptions()
  cli
    .command(
      'record-deployment',
      'Tell the Pact Broker about a deployment (pact broker record-deployment; its options pass through)',
    )
    .allowUnknownOptions()

  cli
    .command('drift', 'Compare the model with the installed @aws-sdk/client-partnercentral-selling')
    .option('--revision <id>', `${REVISION_HELP} (only 2025-12 should match the SDK)`, {
      default: '2025-12',
    })
    .option('--json', 'Print a JSON report')
    .action((options: { json?: boolean; revision?: string }) => {
      pending.action = async () => {
        const { driftCommand } = await import('./commands/drift.js')
        return driftCommand(options, context)
      }
    })

  cli.help()
  cli.version(packageVersion().version)
  return cli
}

function captureConsoleInfo(run: () => void): string {
  // cac writes help and version with console.info; route it to the injected output instead.
  const original = console.info
  let text = ''
  console.info = (...parts: unknown[]) => {
    text += `${parts.map(String).join(' ')}\n`
  }
  try {
    run()
  } finally {
    console.info = original
  }
  return text
}

const COMMANDS = [
  'validate',
  'generate',
  'mock',
  'check',
  'fuzz',
  'pact',
  'publish',
  'verify',
  'can-i-deploy',
  'record-deployment',
  'drift',
]

function commandHint(argv: readonly string[]): string {
  const name = argv.find((arg) => !arg.startsWith('-'))
  return name !== undefined && COMMANDS.includes(name) ? `eck ${name} --help` : 'eck --help'
}

/**
 * Runs the CLI.
 * @param argv The arguments after `eck` (no node or script path).
 * @param context Where to read and write.
 * @returns The exit code.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const pending: { action?: Action } = {}
  const cli = createCli(context, pending)
  const usage = (message: string): number => {
    const text = message.startsWith(MESSAGE_PREFIX)
      ? message.slice(MESSAGE_PREFIX.length + 1)
      : message
    context.err(`eck: ${text}\nTry: ${commandHint(argv)}\n`)
    return 2
  }
  try {
    const [first, ...rest] = argv
    if (first === 'can-i-deploy' || first === 'record-deployment') {
      // The broker's own options pass through untouched.
      const { brokerPassthrough } = await import('./commands/broker-passthrough.js')
      return await brokerPassthrough(first, rest, context)
    }
    // cac turns an empty option value into 0 or true; an empty value is always a mistake here.
    const empty = argv.findIndex(
      (arg, index) =>
        /^--?[A-Za-z][\w-]*=$/.test(arg) ||
        (arg.startsWith('-') && arg.length > 1 && argv[index + 1] === ''),
    )
    if (empty >= 0)
      return usage(`Option ${(argv[empty] ?? '').replace(/=$/, '')} has an empty value.`)
    let parsedArgs: readonly string[] = []
    const printed = captureConsoleInfo(() => {
      const args = argv.map((arg) => (arg === '-' ? STDIN_ARG : arg))
      parsedArgs = cli.parse(['node', 'eck', ...args], { run: false }).args
    })
    if (printed !== '') {
      context.out(printed)
      return 0
    }
    if (cli.matchedCommand === undefined) {
      const [first] = parsedArgs
      if (first !== undefined)
        return usage(`Unknown command ${JSON.stringify(first)}. Commands: ${COMMANDS.join(', ')}.`)
      context.err(
        captureConsoleInfo(() => {
          cli.outputHelp()
        }),
      )
      return 2
    }
    await cli.runMatchedCommand()
    if (pending.action === undefined) return usage('Nothing to run.')
    return await pending.action()
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'CACError')) {
      return usage(error.message)
    }
    const message =
      error instanceof ToolkitError
        ? error.message
        : `${MESSAGE_PREFIX} Internal error: ${error instanceof Error ? error.message : String(error)}`
    context.err(`${message}\n`)
    if (context.env.ECK_DEBUG === '1' && error instanceof Error && error.stack !== undefined)
      context.err(`${error.stack}\n`)
    return 2
  }
}
