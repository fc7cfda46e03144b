/**
 * What an operation of the simulator works with, and the errors every operation answers in the same
 * way (the modelled errors and ValidationException).
 */
import { isErrorName } from '../../model/errors.js'
import type { Revision } from '../../model/revisions.js'
import { toErrorList, type Issue } from '../../validators/issue.js'
import type { Step } from '../behaviour-script.js'
import { errorResponse } from '../responses.js'
import type { Task, TaskStore } from '../task-store.js'
import type { WireResponse } from '../wire.js'

/** What an operation needs: the revision, the state, the caller (its access key) and the attempt's step. */
export interface OperationContext {
  readonly revision: Revision
  readonly store: TaskStore
  readonly caller: string
  readonly step: Step
}

/** An operation's answer, and the task it created or returned. */
export interface Processed {
  readonly response: WireResponse
  readonly task?: Task
}

/** One operation: its input (a JSON object) to its answer. */
export type OperationHandler = (
  input: Record<string, unknown>,
  context: OperationContext,
) => Processed

/**
 * A modelled error at the revision's status (400 for a name the model lacks).
 * @param revision The revision.
 * @param name The error name.
 * @param message The message.
 * @param members Members besides the message.
 * @returns The response.
 */
export function modelledError(
  revision: Revision,
  name: string,
  message: string,
  members: Record<string, unknown> = {},
): WireResponse {
  const status = isErrorName(name) ? revision.errorHttpStatus[name] : 400
  return errorResponse(name, status, message, members)
}

/**
 * The ValidationException for these issues, worded as the service words it.
 * @param revision The revision.
 * @param issues The broken rules, at least one.
 * @returns The response.
 */
export function validationError(revision: Revision, issues: readonly Issue[]): WireResponse {
  const count = issues.length
  return modelledError(
    revision,
    'ValidationException',
    `${String(count)} validation error${count === 1 ? '' : 's'} detected: ${issues.map((issue) => issue.Message).join(' ')}`.slice(
      0,
      2048,
    ),
    {
      Reason: 'REQUEST_VALIDATION_FAILED',
      ErrorList: toErrorList(issues),
    },
  )
}
