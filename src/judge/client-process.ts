/**
 * One long-lived client process (client protocol v2): started through the shell in a process group of
 * its own, fed lines on stdin, its stdout cut into lines and its stderr passed on as it comes; it says
 * once how it ended, and it is killed with everything it started.
 */
import { spawn } from 'node:child_process'

/** Options of {@link startClientProcess}. */
export interface ClientProcessOptions {
  /** The shell command. */
  readonly command: string
  /** The whole environment of the process. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** @defaultValue the current directory */
  readonly cwd?: string
  /** Each complete stdout line, without its line break. */
  readonly onLine: (line: string) => void
  /** Each stderr chunk, as it comes. */
  readonly onStderr: (text: string) => void
  /** Once, after the last stdout line: why it ended, e.g. `exit code 3`, `killed by SIGKILL`, `cannot start: …`. */
  readonly onEnd: (reason: string) => void
}

/** A running client process. */
export interface ClientProcess {
  /** Whether it has exited (or could not start): it takes no more lines. */
  readonly exited: () => boolean
  /** Writes text to its stdin; lost (without an error) when it has exited. */
  write(text: string): void
  /** Kills its process group at once. */
  kill(): void
  /** Ends its stdin, gives it `graceMs` to exit, then kills its process group; resolves once it has ended. */
  close(graceMs: number): Promise<void>
}

/** A line longer than this (no line break yet) is not an answer: it goes on as output, cut. */
const LINE_LIMIT = 8 * 1024 * 1024

// Every process still running when eck exits (a forgotten close, an error on the way out) is killed
// with its group: the processes are detached, so nothing else would end them.
const running = new Set<() => void>()
let exitHookInstalled = false

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const kill of running) kill()
  })
}

/**
 * Starts a client process.
 * @param options The command, its environment and directory, and where its lines and its end go.
 * @returns The process; never throws (a command that cannot start ends at once with a reason).
 */
export function startClientProcess(options: ClientProcessOptions): ClientProcess {
  installExitHook()
  const child = spawn(options.command, {
    shell: true,
    cwd: options.cwd,
    // Its own process group, so that it is ended with everything it started.
    detached: true,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let exited = false
  let ended = false
  let exitReason = 'the process ended'
  let partial = ''
  let resolveEnded: () => void = () => undefined
  const endedPromise = new Promise<void>((resolve) => {
    resolveEnded = resolve
  })
  const killGroup = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    } catch {
      // The group is gone already (ESRCH).
    }
  }
  running.add(killGroup)
  const end = (reason: string): void => {
    if (ended) return
    ended = true
    exited = true
    running.delete(killGroup)
    if (partial !== '') options.onLine(partial)
    partial = ''
    options.onEnd(reason)
    resolveEnded()
  }
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) options.onLine(line.endsWith('\r') ? line.slice(0, -1) : line)
    if (partial.length > LINE_LIMIT) {
      options.onLine(`${partial.slice(0, 2000)}… (${partial.length} chars without a line break)`)
      partial = ''
    }
  })
  child.stderr.on('data', (chunk: string) => {
    options.onStderr(chunk)
  })
  child.stdin.on('error', () => undefined)
  child.on('error', (error) => {
    exitReason = `cannot start: ${error.message}`
    exited = true
    if (child.pid === undefined) end(exitReason)
  })
  child.on('exit', (code, signal) => {
    exited = true
    exitReason = signal === null ? `exit code ${String(code)}` : `killed by ${signal}`
    // What it started would keep its pipes open (and stay behind): the group goes with it.
    killGroup()
  })
  child.on('close', () => {
    end(exitReason)
  })
  // An idle process does not keep eck (or a test runner) alive; calls in flight hold their own timers.
  const hold = (keep: boolean): void => {
    if (keep) child.ref()
    else child.unref()
    for (const stream of [child.stdin, child.stdout, child.stderr]) {
      const handle = stream as unknown as { ref?: () => void; unref?: () => void }
      if (keep) handle.ref?.()
      else handle.unref?.()
    }
  }
  hold(false)
  return {
    exited: () => exited,
    write(text) {
      if (!exited) child.stdin.write(text)
    },
    kill: killGroup,
    async close(graceMs) {
      if (!ended) {
        // Closing is awaited: eck must see the end before it goes on (and before it exits).
        hold(true)
        child.stdin.end()
        const timer = setTimeout(killGroup, graceMs)
        await endedPromise
        clearTimeout(timer)
      }
      killGroup()
    },
  }
}
