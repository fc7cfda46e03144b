#!/usr/bin/env node
/**
 * The `eck` executable: the only place that touches `process`.
 */
import { runCli } from './run-cli.js'

// The bundled AWS SDK clients warn once per process about Node 20 support ending in 2027; that is
// about the SDK's future releases, not about the client under test, so it stays out of eck's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
// The Pact library runs in this process (eck pact, eck verify): no usage metrics from it.
process.env.PACT_DO_NOT_TRACK ??= 'true'

const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', () => {
    resolve()
  })
  process.once('SIGTERM', () => {
    resolve()
  })
})

// A client under test runs in this process: keep its accidents from ending eck without a verdict.
let finished = false
process.on('exit', () => {
  if (finished) return
  process.stderr.write(
    'eck: the process was ended before eck finished (did the client under test call process.exit?); no verdict.\n',
  )
  process.exitCode = 2
})
const stray = (kind: string) => (error: unknown) => {
  process.stderr.write(
    `eck: warning: ${kind} outside any call (from the client under test?): ${error instanceof Error ? error.message : String(error)}\n`,
  )
}
process.on('unhandledRejection', stray('an unhandled promise rejection'))
process.on('uncaughtException', stray('an uncaught exception'))

const code = await runCli(process.argv.slice(2), {
  stopped,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
})
finished = true
process.exitCode = code
// Signal listeners would keep a finished command alive.
process.removeAllListeners('SIGINT')
process.removeAllListeners('SIGTERM')
