/**
 * Runs one call of a client against a scripted scenario of a running loopback simulator and returns
 * what happened, unjudged: the outcome, the journal and the tasks. The harness, the fuzzer and Pact
 * all run clients through it.
 */
import type { BehaviourScript } from '../mock/behaviour-script.js'
import type { CredentialStatus } from '../mock/credentials.js'
import { startMockServer, type MockServer } from '../mock/server.js'
import { MAX_BODY_BYTES } from '../mock/simulator.js'
import type { CallRun } from './call-run.js'
import { DUMMY_CREDENTIALS } from './command-client.js'
import type { ConformanceClient } from './conformance-client.js'
import type { Expectation } from './expectation.js'

/** One call to make: the input, the server's behaviour, and what a correct client ends with. */
export interface CallSpec {
  /** Stable id, e.g. `error.ConflictException`; part of the server-side scenario key. */
  readonly id: string
  readonly input: Readonly<Record<string, unknown>>
  /** Whether the input satisfies the request contract. @defaultValue true unless `expect` is `refused` */
  readonly inputValid?: boolean
  readonly script?: BehaviourScript
  /** List polls that see a new task IN_PROGRESS. */
  readonly pollsInProgress?: number
  /** The status of the client's (dummy) key at the front door. @defaultValue 'valid' */
  readonly credentials?: CredentialStatus
  /** The server's clock runs this far ahead of the client's (negative: behind). @defaultValue 0 */
  readonly clockSkewMs?: number
  readonly expect?: Expectation
}

/** Options of {@link executeCall}. */
export interface ExecuteCallOptions {
  /** The revision the server answers in. */
  readonly revision: string
  readonly deadlineMs: number
  /** Prefix of the server-side scenario key, unique per run. */
  readonly runId: string
  /** Aborts the call in flight (the client's signal, or its process group). */
  readonly signal?: AbortSignal
}

// FNV-1a of the scenario key: a seed of its own for each scenario of each run.
function seedOf(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return hash | 0
}

/**
 * Runs one call in a server-side scenario of its own (freed afterwards).
 * @param spec The call: input, script, polls, expectation.
 * @param client The client under test.
 * @param server The loopback simulator; it should verify signatures with {@link DUMMY_CREDENTIALS}.
 * @param options Revision, deadline and run id.
 * @returns The run, unjudged.
 */
export async function executeCall(
  spec: CallSpec,
  client: ConformanceClient,
  server: MockServer,
  options: ExecuteCallOptions,
): Promise<CallRun> {
  const key = `${options.runId}.${spec.id}`.slice(0, 128)
  server.deleteScenario(key)
  const simulator = server.simulator(key, {
    // Ids differ per scenario and per run, so a client that reports a constant TaskId is caught.
    seed: seedOf(key),
    ...(spec.script === undefined ? {} : { script: spec.script }),
    ...(spec.pollsInProgress === undefined ? {} : { pollsInProgress: spec.pollsInProgress }),
    ...(spec.clockSkewMs === undefined ? {} : { clockSkewMs: spec.clockSkewMs }),
    ...(spec.credentials === undefined
      ? {}
      : {
          credentials: [
            {
              accessKeyId: DUMMY_CREDENTIALS.accessKeyId,
              secretAccessKey: DUMMY_CREDENTIALS.secretAccessKey,
              status: spec.credentials,
            },
          ],
        }),
  })
  try {
    const started = performance.now()
    const result = await client.call(spec.input, {
      baseUrl: server.scenarioUrl(key),
      scenarioId: spec.id,
      deadlineMs: options.deadlineMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })
    const durationMs = performance.now() - started
    // Let the server note connections the client closed as it ended (delivery timing).
    await new Promise((resolve) => setImmediate(resolve))
    return {
      input: spec.input,
      inputValid: spec.inputValid ?? spec.expect?.kind !== 'refused',
      revision: options.revision,
      outcome: result.outcome,
      journal: simulator.journal(),
      tasks: simulator.tasks(),
      durationMs,
      deadlineMs: options.deadlineMs,
      clientPolls: client.polls,
      ...(spec.expect === undefined ? {} : { expect: spec.expect }),
      ...(result.stderr === undefined ? {} : { stderr: result.stderr }),
    }
  } finally {
    server.deleteScenario(key)
  }
}

/**
 * Starts the loopback simulator clients are run on. Signatures are verified for real: every client
 * gets the (dummy) credentials.
 * @param revision The revision to answer in.
 * @returns The running server.
 */
export function startConformanceServer(revision: string): Promise<MockServer> {
  // The journal keeps whole bodies (up to the 1 MiB limit): the rules read them, and a scenario's journal is freed with it.
  return startMockServer({
    revision,
    signature: { secretAccessKey: DUMMY_CREDENTIALS.secretAccessKey },
    journalBodyLimit: MAX_BODY_BYTES,
    scenariosOnDemand: false,
  })
}
