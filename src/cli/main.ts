#!/usr/bin/env node
/**
 * The `eck` executable: the only place that touches `process`.
 */
import { runCli } from './run-cli.js'

// The bundled AWS SDK clients warn once per process about Node 20 support ending in 2027; that is
// about the SDK's future releases, not about the client under test, so it stays out of eck's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve())
  process.once('SIGTERM', () => resolve())
})

const code = await runCli(process.argv.slice(2), {
  stopped,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
})
process.exitCode = code
// Signal listeners would keep a finished command alive.
process.removeAllListeners('SIGINT')
process.removeAllListeners('SIGTERM')
