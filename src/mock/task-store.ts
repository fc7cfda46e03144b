/**
 * The simulator's state: invitations, tasks, idempotency tokens and a virtual clock, with the policy
 * (documented in the README) that decides how each task ends.
 */
import type { TaskStatus } from '../model/enums.js'
import { SeededRandom } from '../internal/seeded-random.js'
import { invitationArnOf, type Invitation } from './invitations.js'

/** One accept-invitation task. */
export interface Task {
  readonly seq: number
  readonly taskId: string
  readonly taskArn: string
  /** Virtual-clock ms. */
  readonly startMs: number
  /** `startMs` in ISO 8601, as the wire shows it. */
  readonly startTime: string
  readonly catalog: string
  readonly caller: string
  readonly invitationId: string
  status: TaskStatus
  /** Where the task will end. */
  readonly planned:
    | { readonly status: 'COMPLETE' }
    | { readonly status: 'FAILED'; readonly reasonCode: string; readonly message: string }
  reasonCode?: string
  message?: string
  opportunityId?: string
  resourceSnapshotJobId?: string
  /** List polls that will still see IN_PROGRESS. */
  pollsLeft: number
}

/** How tasks progress. */
export interface TaskProgress {
  /** List polls that see a new task IN_PROGRESS before it ends. @defaultValue 1 */
  readonly pollsInProgress?: number
  /** Or: the task ends once the virtual clock is this far past its start. @defaultValue never by time */
  readonly completeAfterMs?: number
}

const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz'

/** The result of {@link TaskStore.start}. */
export type StartResult =
  | { readonly kind: 'task'; readonly task: Task; readonly replay: boolean }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'token-conflict' }

/** Invitations, tasks and tokens of one simulated account set. */
export class TaskStore {
  readonly invitations: Invitation[]
  readonly tasks: Task[] = []
  private readonly tokens = new Map<string, { fingerprint: string; task: Task }>()
  private readonly random: SeededRandom
  private clockMs: number
  private readonly realTime: boolean

  /**
   * @param invitations The invitations.
   * @param seed Seed of the generated ids.
   * @param startMs Virtual clock start; without one the clock follows real time (plus any advance).
   * @param progress How tasks progress.
   */
  constructor(
    invitations: readonly Invitation[],
    seed: number,
    startMs: number | undefined,
    private readonly progress: TaskProgress = {},
  ) {
    this.invitations = invitations.map((invitation) => ({ ...invitation }))
    this.random = new SeededRandom(seed)
    this.realTime = startMs === undefined
    this.clockMs = startMs ?? 0
  }

  /** The clock, in ms: real time plus advances, or a pinned virtual clock. */
  now(): number {
    return this.realTime ? Date.now() + this.clockMs : this.clockMs
  }

  /** Moves the clock forward and lets tasks that are due end. */
  advance(ms: number): void {
    this.clockMs += Math.max(0, ms)
    for (const task of this.tasks) this.settleByTime(task)
  }

  /**
   * Finds an invitation by id or ARN in a catalog.
   * @param catalog The catalog.
   * @param identifier An id or ARN.
   * @returns The invitation, if any.
   */
  findInvitation(catalog: string, identifier: string): Invitation | undefined {
    return this.invitations.find(
      (invitation) =>
        invitation.catalog === catalog &&
        (invitation.id === identifier || invitationArnOf(invitation) === identifier),
    )
  }

  /**
   * Starts a task, or replays the one a token already started.
   * @param input The caller, catalog, identifier, token and parameters fingerprint.
   * @param override A forced end state (from a behaviour script).
   * @returns The task, or why there is none.
   */
  start(
    input: {
      caller: string
      catalog: string
      identifier: string
      token: string
      fingerprint: string
    },
    override?: { status: TaskStatus; reasonCode?: string; message?: string },
  ): StartResult {
    // Tokens are scoped per caller and catalog. Everything from here on is synchronous, so concurrent
    // requests with one token can never create two tasks.
    const key = `${input.caller}\u0000${input.catalog}\u0000${input.token}`
    const previous = this.tokens.get(key)
    if (previous !== undefined) {
      if (previous.fingerprint !== input.fingerprint) return { kind: 'token-conflict' }
      return { kind: 'task', task: previous.task, replay: true }
    }
    const invitation = this.findInvitation(input.catalog, input.identifier)
    if (invitation === undefined) return { kind: 'not-found' }
    const task = this.createTask(input.caller, invitation, override)
    this.tokens.set(key, { fingerprint: input.fingerprint, task })
    return { kind: 'task', task, replay: false }
  }

  private plannedEnd(invitation: Invitation): Task['planned'] {
    if (invitation.status === 'EXPIRED' || invitation.status === 'REJECTED') {
      return {
        status: 'FAILED',
        reasonCode: 'InvitationValidationFailed',
        message: `Invitation ${invitation.id} is ${invitation.status} and cannot be accepted.`,
      }
    }
    const busy = this.tasks.some(
      (task) =>
        task.invitationId === invitation.id &&
        task.catalog === invitation.catalog &&
        task.planned.status === 'COMPLETE',
    )
    if (invitation.status === 'ACCEPTED' || busy) {
      return {
        status: 'FAILED',
        reasonCode: 'EngagementInvitationConflict',
        message: `Invitation ${invitation.id} was already accepted.`,
      }
    }
    return { status: 'COMPLETE' }
  }

  private createTask(
    caller: string,
    invitation: Invitation,
    override?: { status: TaskStatus; reasonCode?: string; message?: string },
  ): Task {
    const taskId = `task-${this.random.string(ALNUM, 13)}`
    const planned: Task['planned'] =
      override === undefined || override.status === 'IN_PROGRESS'
        ? this.plannedEnd(invitation)
        : override.status === 'COMPLETE'
          ? { status: 'COMPLETE' }
          : {
              status: 'FAILED',
              reasonCode: override.reasonCode ?? 'InternalError',
              message: override.message ?? 'The task failed.',
            }
    const startMs = this.now()
    const task: Task = {
      seq: this.tasks.length + 1,
      taskId,
      taskArn: `arn:aws:partnercentral:us-east-1:123456789012:catalog/${invitation.catalog}/engagement-by-accepting-invitation-task/${taskId}`,
      startMs,
      startTime: new Date(startMs).toISOString(),
      catalog: invitation.catalog,
      caller,
      invitationId: invitation.id,
      status: 'IN_PROGRESS',
      planned,
      pollsLeft: Math.max(0, this.progress.pollsInProgress ?? 1),
    }
    this.tasks.push(task)
    if (override !== undefined && override.status !== 'IN_PROGRESS') this.finish(task)
    return task
  }

  private finish(task: Task): void {
    if (task.status !== 'IN_PROGRESS') return
    if (task.planned.status === 'COMPLETE') {
      task.status = 'COMPLETE'
      task.opportunityId = `O${1_000_000 + Math.floor(this.random.next() * 8_999_999_999)}`
      task.resourceSnapshotJobId = `job-${this.random.string(ALNUM, 13)}`
      const invitation = this.invitations.find(
        (i) => i.id === task.invitationId && i.catalog === task.catalog,
      )
      if (invitation !== undefined && invitation.status === 'PENDING')
        invitation.status = 'ACCEPTED'
    } else {
      task.status = 'FAILED'
      task.reasonCode = task.planned.reasonCode
      task.message = task.planned.message
    }
  }

  private settleByTime(task: Task): void {
    const after = this.progress.completeAfterMs
    if (after !== undefined && this.now() - task.startMs >= after) this.finish(task)
  }

  /**
   * Counts a List poll of a task: after `pollsInProgress` polls it ends.
   * @param task The polled task.
   */
  poll(task: Task): void {
    this.settleByTime(task)
    if (task.status !== 'IN_PROGRESS') return
    if (task.pollsLeft <= 0) this.finish(task)
    else task.pollsLeft -= 1
  }

  /**
   * The wire form of a task: the Start output and List summary members, in model order.
   * @param task The task.
   * @returns The members.
   */
  view(task: Task): Record<string, unknown> {
    this.settleByTime(task)
    // Member by member, in model order (no spreads: every Start and List answer builds these).
    const view: Record<string, unknown> = {
      TaskId: task.taskId,
      TaskArn: task.taskArn,
      StartTime: task.startTime,
      TaskStatus: task.status,
    }
    if (task.message !== undefined) view.Message = task.message
    if (task.reasonCode !== undefined) view.ReasonCode = task.reasonCode
    if (task.opportunityId !== undefined) view.OpportunityId = task.opportunityId
    if (task.resourceSnapshotJobId !== undefined)
      view.ResourceSnapshotJobId = task.resourceSnapshotJobId
    view.EngagementInvitationId = task.invitationId
    return view
  }
}
