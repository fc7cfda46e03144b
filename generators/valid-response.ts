import fc from 'fast-check'
import type { TaskStatus } from '../src/model/enums.js'
import type { StartEngagementByAcceptingInvitationTaskResponse } from '../src/model/response.js'
import { resolveRevision } from '../src/model/revisions.js'
import { responseEngagementInvitationId } from './fields/engagement-invitation-id.js'
import {
  opportunityId,
  reasonCode,
  resourceSnapshotJobId,
  startTime,
  taskArn,
  taskId,
  taskStatus,
} from './fields/response-fields.js'

/** Constraints of {@link validResponse}. */
export interface ValidResponseConstraints {
  /**
   * The revision (which ReasonCodes exist).
   * @defaultValue '2025-12'
   */
  readonly revision?: string
  /**
   * Only this status.
   * @defaultValue any status
   */
  readonly status?: TaskStatus
}

/**
 * Valid StartEngagementByAcceptingInvitationTask outputs shaped by status: IN_PROGRESS; COMPLETE with
 * `OpportunityId` and `ResourceSnapshotJobId`; FAILED with `ReasonCode` and `Message`. Every
 * ReasonCode of the revision is reachable.
 * @param constraints The revision and status.
 * @returns The arbitrary.
 */
export function validResponse(
  constraints: ValidResponseConstraints = {},
): fc.Arbitrary<StartEngagementByAcceptingInvitationTaskResponse> {
  const revision = resolveRevision(constraints.revision)
  const status = constraints.status === undefined ? taskStatus() : fc.constant(constraints.status)
  return fc
    .record({
      TaskStatus: status,
      TaskId: taskId(),
      TaskArn: taskArn(),
      StartTime: startTime(),
      EngagementInvitationId: fc.option(responseEngagementInvitationId(), {
        freq: 4,
        nil: undefined,
      }),
      OpportunityId: opportunityId(),
      ResourceSnapshotJobId: resourceSnapshotJobId(),
      ReasonCode: reasonCode({ revision: revision.id }),
      Message: fc.string({ maxLength: 120 }),
    })
    .map((drawn) => {
      const response: StartEngagementByAcceptingInvitationTaskResponse = {
        TaskId: drawn.TaskId,
        TaskArn: drawn.TaskArn,
        StartTime: drawn.StartTime,
        TaskStatus: drawn.TaskStatus,
      }
      if (drawn.EngagementInvitationId !== undefined)
        response.EngagementInvitationId = drawn.EngagementInvitationId
      if (drawn.TaskStatus === 'COMPLETE') {
        response.OpportunityId = drawn.OpportunityId
        response.ResourceSnapshotJobId = drawn.ResourceSnapshotJobId
      }
      if (drawn.TaskStatus === 'FAILED') {
        response.ReasonCode = drawn.ReasonCode
        response.Message = drawn.Message
      }
      return response
    })
}
