/**
 * The simulator's operations, by name: adding one is a file here and a line below.
 */
import type { OperationName } from '../../model/operation.js'
import { getInvitation } from './get-invitation.js'
import { listTasks } from './list-tasks.js'
import type { OperationHandler } from './operation-context.js'
import { startTask } from './start-task.js'

/** Every operation the simulator serves. */
export const OPERATION_HANDLERS: Readonly<Record<OperationName, OperationHandler>> = {
  StartEngagementByAcceptingInvitationTask: startTask,
  ListEngagementByAcceptingInvitationTasks: listTasks,
  GetEngagementInvitation: getInvitation,
}
