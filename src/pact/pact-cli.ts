/**
 * Runs the official Pact CLI (`pact` from `@pact-foundation/pact-cli`, one Rust binary) directly, not
 * through its Node wrapper (killing the wrapper would leave the binary running), and keeps secrets out of
 * everything it prints.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { ToolkitError } from '../internal/toolkit-error.js'

/** What a CLI run printed and returned. */
export interface PactCliRun {
  readonly exitCode: number
  /** Standard output, secrets redacted. */
  readonly stdout: string
  /** Standard error, secrets redacted. */
  readonly stderr: string
}

/** Options of {@link runPactCli}. */
export interface RunPactCliOptions {
  /** The environment (broker URL and credentials go here, never in arguments). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Values to redact wherever they would be printed (tokens, passwords). */
  readonly secrets?: readonly string[]
  /** Kills the binary when aborted. */
  readonly signal?: AbortSignal
  readonly cwd?: string
}

/**
 * The path of the `pact` binary for this platform.
 * @returns The absolute path.
 * @throws ToolkitError when the platform package is missing (an install with --omit=optional).
 */
export function pactBinary(): string {
  const require = createRequire(import.meta.url)
  try {
    const standalone = require('@pact-foundation/pact-cli/src/pact-standalone.js') as {
      standalone: () => { pactFullPath: string }
    }
    return standalone.standalone().pactFullPath
  } catch (error) {
    throw new ToolkitError(
      `The Pact CLI binary for ${process.platform}-${process.arch} is not installed (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}). Reinstall without --omit=optional: the binaries are optional dependencies of @pact-foundation/pact-cli.`,
    )
  }
}

/**
 * Redacts secrets and credential-bearing header values from text.
 * @param text Any text.
 * @param secrets Values to hide.
 * @returns The text with each secret, and any `Bearer`/`Basic` credential, shown as `<redacted>`.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
  // Longest first, each also in the forms a broker may echo it (base64, URL-encoded).
  const forms = secrets
    .filter((secret) => secret !== '')
    .flatMap((secret) => [
      secret,
      Buffer.from(secret).toString('base64'),
      encodeURIComponent(secret),
    ])
  for (const secret of [...new Set(forms)].sort((a, b) => b.length - a.length))
    out = out.split(secret).join('<redacted>')
  return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 <redacted>')
}

/**
 * Runs `pact <args>`.
 * @param args The arguments, e.g. `['broker', 'publish', 'pacts', …]`.
 * @param options Environment, secrets to redact, abort signal.
 * @returns The exit code and the redacted output.
 */
export function runPactCli(
  args: readonly string[],
  options: RunPactCliOptions,
): Promise<PactCliRun> {
  const binary = pactBinary()
  return new Promise((resolve) => {
    const child = spawn(binary, [...args], {
      env: { ...options.env },
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (stdout += chunk))
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    const stop = (): void => {
      child.kill('SIGTERM')
    }
    options.signal?.addEventListener('abort', stop, { once: true })
    const finish = (exitCode: number, extra = ''): void => {
      options.signal?.removeEventListener('abort', stop)
      resolve({
        exitCode,
        stdout: redactSecrets(stdout, options.secrets),
        stderr: redactSecrets(stderr + extra, options.secrets),
      })
    }
    child.on('error', (error) => {
      finish(127, `cannot run ${binary}: ${error.message}\n`)
    })
    child.on('close', (code, signal) => {
      finish(code ?? (signal === null ? 1 : 128 + 15))
    })
  })
}
