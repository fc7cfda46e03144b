/**
 * Model-based fuzzing: random sequences of logical calls (start, start again with the same token, reuse
 * a token for another invitation, poll the task list) made through the client against one simulator,
 * checked against a model of the tasks (fc.commands and fc.asyncModelRun).
 */
import fc from 'fast-check'
import type { ConformanceClient } from '../judge/conformance-client.js'
import { describeOutcome } from '../judge/call-run.js'
import type { MockServer } from '../mock/server.js'
import type { FuzzFailure } from './fuzz-report.js'

/** The invitations the sequences use: the documented ones (by id), and one the simulator does not know. */
const INVITATIONS = [
  { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' },
  { Catalog: 'AWS', Identifier: 'engi-0123456789aws' },
  { Catalog: 'Sandbox', Identifier: 'engi-accepted00001' },
  { Catalog: 'Sandbox', Identifier: 'engi-expired000001' },
  { Catalog: 'Sandbox', Identifier: 'engi-unknown000001' },
] as const
const UNKNOWN = 'engi-unknown000001'

/** What the model knows: each token's parameters and task. */
interface TaskModel {
  readonly tokens: { token: string; invitation: number; taskId: string }[]
  next: number
}

/** The system under test: the client, calling one simulator scenario. */
interface Real {
  readonly call: (
    input: Record<string, unknown>,
  ) => Promise<ReturnType<ConformanceClient['call']> extends Promise<infer R> ? R : never>
  readonly tasks: () => readonly Readonly<Record<string, unknown>>[]
  readonly log: string[]
}

class ModelError extends Error {
  override readonly name = 'ModelError'
}

function expectResult(outcome: Awaited<ReturnType<Real['call']>>['outcome'], what: string): string {
  if (outcome.kind !== 'result' || typeof outcome.result.TaskId !== 'string')
    throw new ModelError(
      `${what}: expected a task, the client reported ${describeOutcome(outcome)}`,
    )
  return outcome.result.TaskId
}

class StartNew implements fc.AsyncCommand<TaskModel, Real> {
  constructor(readonly invitation: number) {}
  check(): boolean {
    return true
  }
  async run(model: TaskModel, real: Real): Promise<void> {
    const target = INVITATIONS[this.invitation] ?? INVITATIONS[0]
    const token = `model-${model.next++}`
    const { outcome } = await real.call({ ...target, ClientToken: token })
    real.log.push(`${this.toString()} -> ${describeOutcome(outcome)}`)
    if (target.Identifier === UNKNOWN) {
      if (outcome.kind !== 'error' || outcome.name !== 'ResourceNotFoundException')
        throw new ModelError(
          `${this.toString()}: expected ResourceNotFoundException, the client reported ${describeOutcome(outcome)}`,
        )
      return
    }
    const taskId = expectResult(outcome, this.toString())
    if (model.tokens.some((entry) => entry.taskId === taskId))
      throw new ModelError(
        `${this.toString()}: a new ClientToken returned the existing task ${taskId}`,
      )
    model.tokens.push({ token, invitation: this.invitation, taskId })
  }
  toString(): string {
    return `start(${INVITATIONS[this.invitation]?.Identifier ?? '?'}, new token)`
  }
}

class StartAgain implements fc.AsyncCommand<TaskModel, Real> {
  constructor(readonly pick: number) {}
  check(model: Readonly<TaskModel>): boolean {
    return model.tokens.length > 0
  }
  async run(model: TaskModel, real: Real): Promise<void> {
    const entry = model.tokens[this.pick % model.tokens.length]
    if (entry === undefined) return
    const target = INVITATIONS[entry.invitation] ?? INVITATIONS[0]
    const { outcome } = await real.call({ ...target, ClientToken: entry.token })
    real.log.push(`${this.toString()} [${entry.token}] -> ${describeOutcome(outcome)}`)
    const taskId = expectResult(outcome, this.toString())
    if (taskId !== entry.taskId)
      throw new ModelError(
        `${this.toString()}: the same ClientToken ${entry.token} returned ${taskId}, not ${entry.taskId}`,
      )
  }
  toString(): string {
    return `start again(token #${this.pick})`
  }
}

class ReuseToken implements fc.AsyncCommand<TaskModel, Real> {
  constructor(
    readonly pick: number,
    readonly other: number,
  ) {}
  check(model: Readonly<TaskModel>): boolean {
    return model.tokens.length > 0
  }
  async run(model: TaskModel, real: Real): Promise<void> {
    const entry = model.tokens[this.pick % model.tokens.length]
    if (entry === undefined) return
    const first = INVITATIONS[entry.invitation] ?? INVITATIONS[0]
    const other =
      INVITATIONS.find(
        (candidate, index) =>
          index !== entry.invitation && candidate.Catalog === first.Catalog && index === this.other,
      ) ??
      INVITATIONS.find(
        (candidate, index) =>
          index !== entry.invitation &&
          candidate.Catalog === first.Catalog &&
          candidate.Identifier !== UNKNOWN,
      )
    if (other === undefined) return
    const { outcome } = await real.call({ ...other, ClientToken: entry.token })
    real.log.push(
      `${this.toString()} [${entry.token} on ${other.Identifier}] -> ${describeOutcome(outcome)}`,
    )
    if (outcome.kind !== 'error' || outcome.name !== 'ConflictException') {
      throw new ModelError(
        `${this.toString()}: the ClientToken ${entry.token} of another invitation must give ConflictException, the client reported ${describeOutcome(outcome)}`,
      )
    }
  }
  toString(): string {
    return `reuse token(#${this.pick}) for invitation #${this.other}`
  }
}

class Poll implements fc.AsyncCommand<TaskModel, Real> {
  check(): boolean {
    return true
  }
  run(model: TaskModel, real: Real): Promise<void> {
    // Reading the simulator's tasks is synchronous; the command interface wants a promise.
    return Promise.resolve().then(() => {
      this.compare(model, real)
    })
  }
  private compare(model: TaskModel, real: Real): void {
    const tasks = real.tasks()
    real.log.push(`${this.toString()} -> ${tasks.length} task(s)`)
    const known = new Set(model.tokens.map((entry) => entry.taskId))
    if (tasks.length !== known.size)
      throw new ModelError(
        `${this.toString()}: the service holds ${tasks.length} task(s), the model ${known.size}`,
      )
    for (const task of tasks)
      if (!known.has(String(task.TaskId)))
        throw new ModelError(
          `${this.toString()}: the service holds ${String(task.TaskId)}, which no call returned`,
        )
  }
  toString(): string {
    return 'list tasks'
  }
}

/** Options of {@link runModelFuzz}. */
export interface ModelFuzzOptions {
  readonly revision: string
  readonly runs: number
  readonly seed: number
  readonly deadlineMs: number
  readonly runId: string
  readonly stopped: () => boolean
  /** Replay this path of the seed (from a report's `model:<seed>:<path>`). */
  readonly path?: string
}

/**
 * Runs model-based sequences through the client.
 * @param client The client under test.
 * @param server The conformance server.
 * @param options Runs, seed, deadline.
 * @returns How many runs and calls, and the shrunk failure if any.
 */
export async function runModelFuzz(
  client: ConformanceClient,
  server: MockServer,
  options: ModelFuzzOptions,
): Promise<{ runs: number; calls: number; failure?: FuzzFailure }> {
  const commands = fc.commands(
    [
      fc.nat(INVITATIONS.length - 1).map((invitation) => new StartNew(invitation)),
      fc.nat(7).map((pick) => new StartAgain(pick)),
      fc
        .tuple(fc.nat(7), fc.nat(INVITATIONS.length - 1))
        .map(([pick, other]) => new ReuseToken(pick, other)),
      fc.constant(new Poll()),
    ],
    { maxCommands: 8 },
  )
  let runs = 0
  let calls = 0
  let sequence = 0
  let last: { log: string[]; journal: FuzzFailure['journal'] } = { log: [], journal: [] }
  const property = fc.asyncProperty(commands, async (cmds) => {
    if (options.stopped()) return
    runs++
    const key = `${options.runId}.model.${sequence++}`
    server.deleteScenario(key)
    const simulator = server.simulator(key)
    const log: string[] = []
    const real: Real = {
      call: async (input) => {
        calls++
        return client.call(input, {
          baseUrl: server.scenarioUrl(key),
          scenarioId: 'model',
          deadlineMs: options.deadlineMs,
        })
      },
      tasks: () => simulator.tasks(),
      log,
    }
    try {
      await fc.asyncModelRun(() => ({ model: { tokens: [], next: 0 }, real }), cmds)
    } catch (error) {
      last = { log, journal: simulator.journal() }
      throw error
    } finally {
      server.deleteScenario(key)
    }
  })
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
  })
  if (!details.failed || details.counterexample === null) return { runs, calls }
  const message =
    details.errorInstance instanceof Error
      ? details.errorInstance.message
      : String(details.errorInstance)
  return {
    runs,
    calls,
    failure: {
      source: 'model',
      // The run before shrinking: fc.commands would also need its own replayPath to replay the shrunk one.
      replay: `model:${details.seed}:${details.counterexamplePath.split(':')[0] ?? '0'}`,
      shrinks: details.numShrinks,
      commands: [
        (details.counterexample[0] as { toString(): string }).toString(),
        ...last.log.map((line) => `  ${line}`),
      ].join('\n'),
      violations: [{ invariant: 'task-model', severity: 'must', message }],
      journal: last.journal,
    },
  }
}
