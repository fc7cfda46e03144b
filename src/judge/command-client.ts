/**
 * Runs a client in any language through the client protocol v1: a shell command, once per call, with
 * the call's input on stdin and the endpoint in the environment; its last stdout line is the outcome.
 */
import { spawn } from 'node:child_process'
import { parseClientOutput, type ClientOutcome } from './client-outcome.js'

/** Options of {@link runCommandClient}. */
export interface RunCommandClientOptions {
  /** The shell command, e.g. `python3 my_client.py`. */
  readonly command: string
  /** The call's input (written to stdin as one JSON object). */
  readonly input: unknown
  /** The scenario's base URL (`AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING`). */
  readonly baseUrl: string
  /** `ECK_SCENARIO`. */
  readonly scenarioId: string
  /** Past this, the client is killed and the run is a hang. @defaultValue 30000 */
  readonly deadlineMs?: number
  /** The parent environment (PATH, HOME, …) under the protocol's variables. @defaultValue this process's environment */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The working directory. @defaultValue the current one */
  readonly cwd?: string
  /** Kills the command (its whole process group) when aborted. */
  readonly signal?: AbortSignal
}

/** What a command run produced. */
export interface CommandRun {
  readonly outcome: ClientOutcome
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly durationMs: number
}

/** The static dummy credentials every client under test gets; the harness's simulator verifies signatures with them. */
export const DUMMY_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
} as const

/** The environment protocol v1 gives the client on top of the parent's. */
export function protocolEnvironment(baseUrl: string, scenarioId: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: baseUrl,
    AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: baseUrl,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    ECK_SCENARIO: scenarioId,
  }
}

const OUTPUT_LIMIT = 1024 * 1024

/**
 * Runs the command once for one call.
 * @param options The command, input, endpoint, scenario and deadline.
 * @returns The outcome with the raw output; never throws for a misbehaving client.
 */
export function runCommandClient(options: RunCommandClientOptions): Promise<CommandRun> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(options.command, {
      shell: true,
      cwd: options.cwd,
      // Its own process group, so that a hang is ended with everything it started.
      detached: true,
      // The library's one use of `process` outside the CLI: a child inherits its parent's environment, as spawn does.
      env: {
        ...(options.env ?? process.env),
        ...protocolEnvironment(options.baseUrl, options.scenarioId),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    // The last line is what counts: keep the tail of each stream (and decode across chunk borders).
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-OUTPUT_LIMIT)
    })
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-OUTPUT_LIMIT)
    })
    const kill = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }
    const timer = setTimeout(() => {
      timedOut = true
      kill()
    }, options.deadlineMs ?? 30_000)
    const onStop = (): void => {
      timedOut = true
      kill()
    }
    if (options.signal?.aborted === true) onStop()
    else options.signal?.addEventListener('abort', onStop, { once: true })
    child.stdin.on('error', () => undefined)
    child.stdin.end(`${JSON.stringify(options.input)}\n`)
    child.on('error', (error) => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onStop)
      resolve({
        outcome: { kind: 'crash', reason: `cannot start: ${error.message}` },
        exitCode: null,
        stdout,
        stderr,
        durationMs: Date.now() - started,
      })
    })
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onStop)
      const outcome: ClientOutcome = timedOut
        ? { kind: 'hang', reason: `no answer within ${options.deadlineMs ?? 30_000} ms` }
        : parseClientOutput(stdout, exitCode)
      resolve({ outcome, exitCode, stdout, stderr, durationMs: Date.now() - started })
    })
  })
}
