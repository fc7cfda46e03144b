#!/usr/bin/env node
/**
 * The `eck` executable: the only place that touches `process`.
 */
import { runCli } from './run-cli.js'

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
})
process.exitCode = code
