#!/usr/bin/env node
/**
 * The `eck` executable: the only place that touches `process`.
 */
import { runCli } from './run-cli.js'

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
