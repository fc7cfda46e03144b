import { Readable } from 'node:stream'
import { runCli } from '../../src/cli/run-cli.js'

/** What an in-process `eck` run printed and returned. */
export interface EckRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the CLI in-process with captured output.
 * @param argv Arguments after `eck`.
 * @param stdin Text for standard input.
 * @param stopped Settles when a long-running command should stop.
 * @param live Receives stdout as it is written.
 * @param env The environment the CLI sees.
 * @returns Exit code and output.
 */
export async function runEck(
  argv: readonly string[],
  stdin = '',
  stopped?: Promise<void>,
  live?: { stdout: string },
  env: Readonly<Record<string, string>> = {},
): Promise<EckRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    ...(stopped === undefined ? {} : { stopped }),
    out: (text) => {
      stdout += text
      if (live !== undefined) live.stdout += text
    },
    err: (text) => {
      stderr += text
    },
    stdin: Readable.from([Buffer.from(stdin)]),
    env,
    cwd: process.cwd(),
  })
  return { code, stdout, stderr }
}
