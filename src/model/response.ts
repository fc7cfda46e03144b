/**
 * The output of StartEngagementByAcceptingInvitationTask (service-facts §3): every member optional.
 * The JSDoc tags are read by typescript-json-schema; they must equal `constraints.ts`.
 */
import type { TaskStatus } from './enums.js'
import type { ReasonCode } from './reason-codes.js'

/**
 * Task id. The model has no leading `^`, so `x-task-0123456789abc` matches.
 * @pattern task-[0-9a-z]{13}$
 */
export type TaskIdentifier = string

/**
 * Task ARN.
 * @pattern ^arn:.*
 */
export type TaskArn = string

/**
 * Id of the created opportunity.
 * @pattern ^O[0-9]{1,19}$
 */
export type OpportunityIdentifier = string

/**
 * Id of the resource snapshot job the task started.
 * @pattern ^job-[0-9a-z]{13}$
 */
export type ResourceSnapshotJobIdentifier = string

/**
 * Id of the accepted invitation (the comma is a literal member of the class, in the model too).
 * @pattern ^engi-[0-9,a-z]{13}$
 */
export type EngagementInvitationIdentifier = string

/**
 * An RFC 3339 date-time string (`@timestampFormat("date-time")`) with a `T` separator, as the AWS
 * SDK parses it (a space separator, allowed by RFC 3339, makes the SDK throw).
 * @format date-time
 * @pattern ^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$
 */
export type DateTime = string

/** The members shared by the Start output and each List task summary. */
export interface TaskSummaryMembers {
  /** Task id. */
  TaskId?: TaskIdentifier
  /** Task ARN. */
  TaskArn?: TaskArn
  /** When the task started. */
  StartTime?: DateTime
  /** Where the task is. */
  TaskStatus?: TaskStatus
  /** The failure detail, when FAILED. */
  Message?: string
  /** The failure reason, when FAILED. */
  ReasonCode?: ReasonCode
  /** The created opportunity, when COMPLETE. */
  OpportunityId?: OpportunityIdentifier
  /** The resource snapshot job, when COMPLETE. */
  ResourceSnapshotJobId?: ResourceSnapshotJobIdentifier
  /** The accepted invitation. */
  EngagementInvitationId?: EngagementInvitationIdentifier
}

/** The output of StartEngagementByAcceptingInvitationTask. */
export interface StartEngagementByAcceptingInvitationTaskResponse extends TaskSummaryMembers {}
