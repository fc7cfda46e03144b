/**
 * Runs a client in any language through the client protocol v2: a shell command started once and kept
 * up, one JSON request line per call on its stdin, one JSON answer line per call on its stdout, matched
 * by id. Deadlines, crashes and hangs are judged as in protocol v1.
 */
import { DUMMY_CREDENTIALS } from './command-client.js'
import type { ClientOutcome } from './client-outcome.js'
import { startClientProcess, type ClientProcess } from './client-process.js'
import type { ClientCallResult, ConformanceClient } from './conformance-client.js'
import { parseAnswerLine } from './parse-answer-line.js'
import { invariant } from '../internal/invariant.js'

/** Options of {@link commandClientV2}. */
export interface CommandClientV2Options {
  /** @defaultValue false */
  readonly polls?: boolean
  /** The parent environment. @defaultValue this process's environment */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** @defaultValue the current directory */
  readonly cwd?: string
  /**
   * Calls one process is given at once; when every process has that many, another is started. With 1,
   * a process has one call at a time and there are as many processes as calls in flight.
   * @defaultValue 1
   */
  readonly callsPerProcess?: number
}

/**
 * Where a request line's endpoint is not used, the SDK's own environment variables point at a closed
 * loopback port: a client that ignores the line's `endpoint` fails loudly and never reaches AWS.
 */
const UNUSED_ENDPOINT = 'http://127.0.0.1:1'

/**
 * The environment protocol v2 gives the process on top of the parent's (the endpoint is per call, in
 * each request line).
 * @returns The variables.
 */
export function protocolV2Environment(): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: UNUSED_ENDPOINT,
    AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: UNUSED_ENDPOINT,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    ECK_PROTOCOL: '2',
  }
}

/** How long a process may take to exit once its stdin is closed, before it is killed (ms). */
const CLOSE_GRACE_MS = 2000
/** Output kept per call (the end of it); reports show the last 2000 characters. */
const OUTPUT_KEPT = 64 * 1024
const OUTPUT_REPORTED = 2000

interface Call {
  /** Output attributed to the call: stderr and the stdout lines that are not its answer. */
  output: string
  /** Its answer, read but not yet handed back (stderr written before it may still be on its way). */
  answered?: ClientOutcome
  readonly finish: (outcome: ClientOutcome) => void
}

interface Slot {
  readonly process: ClientProcess
  readonly calls: Map<string, Call>
  /** Ids of calls given up (past their deadline): an answer to one is output. */
  readonly expired: Set<string>
  /** Takes no new call; killed when its last call ends. */
  retired: boolean
  /** Whether it has answered any call (a hang says so when it has not). */
  answered: boolean
  /** Output while no call was in flight: it goes to the next call. */
  idle: string
}

function keep(text: string): string {
  return text.length > OUTPUT_KEPT ? text.slice(-OUTPUT_KEPT) : text
}

/**
 * A protocol v2 client: processes started on demand (one per `callsPerProcess` calls in flight) and
 * reused; a process that ends is replaced for the next call; `close()` ends them all.
 * @param command The shell command.
 * @param options Whether it polls, its environment and directory, calls per process.
 * @returns The client.
 * @throws UsageError when `callsPerProcess` is not a whole number from 1 to 256.
 */
export function commandClientV2(
  command: string,
  options: CommandClientV2Options = {},
): ConformanceClient & { close(): Promise<void> } {
  const callsPerProcess = options.callsPerProcess ?? 1
  invariant(
    Number.isInteger(callsPerProcess) && callsPerProcess >= 1 && callsPerProcess <= 256,
    `callsPerProcess must be a whole number from 1 to 256, got ${String(callsPerProcess)}.`,
  )
  const slots = new Set<Slot>()
  // Processes being killed (a hang retired them): `close()` waits until they are gone too.
  const dying = new Set<Promise<void>>()
  let nextId = 0

  const attribute = (slot: Slot, text: string): void => {
    if (slot.calls.size === 0) {
      slot.idle = keep(slot.idle + text)
      return
    }
    // With several calls in flight nothing tells whose it is: each of them gets it.
    for (const call of slot.calls.values()) call.output = keep(call.output + text)
  }

  const retireIfDone = (slot: Slot): void => {
    if (slot.retired && slot.calls.size === 0) {
      slots.delete(slot)
      const gone = slot.process.close(0)
      dying.add(gone)
      void gone.finally(() => dying.delete(gone))
    }
  }

  const start = (): Slot => {
    const slot: Slot = {
      calls: new Map(),
      expired: new Set(),
      retired: false,
      answered: false,
      idle: '',
      process: startClientProcess({
        command,
        env: { ...(options.env ?? process.env), ...protocolV2Environment() },
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
        onLine: (line) => {
          if (line.trim() === '') return
          const parsed = parseAnswerLine(line)
          if (parsed.kind === 'answer') {
            const call = slot.calls.get(parsed.id)
            if (call !== undefined && call.answered === undefined) {
              slot.answered = true
              call.answered = parsed.outcome
              // stderr comes on another pipe: what was written before the answer gets one more turn.
              setImmediate(() => {
                call.finish(parsed.outcome)
              })
              return
            }
            const why = slot.expired.has(parsed.id)
              ? 'an answer to a call past its deadline'
              : call === undefined
                ? 'an answer to no call in flight'
                : 'a second answer to one call'
            attribute(slot, `[stdout] ${line}   (${why}: output, not a result)\n`)
            return
          }
          attribute(slot, `[stdout] ${parsed.text}\n`)
        },
        onStderr: (text) => {
          attribute(slot, text)
        },
        onEnd: (reason) => {
          slots.delete(slot)
          const pending = [...slot.calls.values()].filter((call) => call.answered === undefined)
          const inFlight = pending.length === 1 ? 'the call' : `${pending.length} calls`
          for (const call of pending) {
            call.finish({
              kind: 'crash',
              reason: `${reason} with ${inFlight} in flight (protocol v2: the process stays up until its stdin ends)`,
            })
          }
        },
      }),
    }
    slots.add(slot)
    return slot
  }

  const pick = (): Slot => {
    let best: Slot | undefined
    for (const slot of slots) {
      if (slot.retired || slot.process.exited() || slot.calls.size >= callsPerProcess) continue
      if (best === undefined || slot.calls.size < best.calls.size) best = slot
    }
    return best ?? start()
  }

  return {
    name: command,
    polls: options.polls ?? false,
    call(input, call) {
      const slot = pick()
      const id = `c${String(++nextId)}`
      return new Promise<ClientCallResult>((resolve) => {
        let settled = false
        const entry: Call = {
          output: slot.idle,
          finish: (outcome) => {
            if (settled) return
            settled = true
            clearTimeout(timer)
            call.signal?.removeEventListener('abort', onStop)
            slot.calls.delete(id)
            resolve({ outcome, stderr: entry.output.slice(-OUTPUT_REPORTED) })
            retireIfDone(slot)
          },
        }
        slot.idle = ''
        // Past its deadline a call is a hang, as in v1: its process takes no new call and is killed as
        // soon as no other call is in flight on it (at once with one call per process).
        const expire = (reason: string): void => {
          if (settled || entry.answered !== undefined) return
          slot.expired.add(id)
          slot.retired = true
          entry.finish({ kind: 'hang', reason })
        }
        const onStop = (): void => {
          expire('the run was stopped')
        }
        const timer = setTimeout(() => {
          expire(
            `no answer within ${String(call.deadlineMs)} ms${slot.answered ? '' : ' (the process has answered no call yet: does it speak client protocol v2, one JSON answer line per request line, with its id?)'}`,
          )
        }, call.deadlineMs)
        slot.calls.set(id, entry)
        if (call.signal?.aborted === true) {
          onStop()
          return
        }
        call.signal?.addEventListener('abort', onStop, { once: true })
        slot.process.write(
          `${JSON.stringify({
            id,
            scenario: call.scenarioId,
            endpoint: call.baseUrl,
            region: 'us-east-1',
            credentials: {
              accessKeyId: DUMMY_CREDENTIALS.accessKeyId,
              secretAccessKey: DUMMY_CREDENTIALS.secretAccessKey,
            },
            input,
          })}\n`,
        )
      })
    },
    async close() {
      const all = [...slots]
      slots.clear()
      await Promise.all([...all.map((slot) => slot.process.close(CLOSE_GRACE_MS)), ...dying])
    },
  }
}
