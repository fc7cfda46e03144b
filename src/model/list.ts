/**
 * Input and output of ListEngagementByAcceptingInvitationTasks (service-facts §6), which polling
 * clients and the simulator use: there is no Get-task operation.
 */
import type { ListTasksSortName, SortOrder, TaskStatus } from './enums.js'
import type { CatalogIdentifier, EngagementInvitationArnOrIdentifier } from './request.js'
import type { OpportunityIdentifier, TaskSummaryMembers } from './response.js'

/**
 * Page size.
 * @TJS-type integer
 * @minimum 1
 * @maximum 1000
 */
export type MaxResults = number

/**
 * Pagination token from a previous page.
 * @pattern ^[\s\S]{1,2048}$
 */
export type NextToken = string

/**
 * A task id or ARN.
 * @pattern ^(arn:.*|task-[0-9a-z]{13})$
 */
export type TaskArnOrIdentifier = string

/** How to sort the tasks. */
export interface ListTasksSortBase {
  /** Direction. */
  SortOrder: SortOrder
  /** Field. */
  SortBy: ListTasksSortName
}

/** The input of ListEngagementByAcceptingInvitationTasks. */
export interface ListEngagementByAcceptingInvitationTasksRequest {
  /** Page size, 1..1000. */
  MaxResults?: MaxResults
  /** Token of the next page. */
  NextToken?: NextToken
  /** Sort order. */
  Sort?: ListTasksSortBase
  /** The catalog. */
  Catalog: CatalogIdentifier
  /**
   * Filter by status (`TaskStatuses`).
   * @minItems 1
   * @maxItems 3
   */
  TaskStatus?: TaskStatus[]
  /**
   * Filter by created opportunity (`OpportunityIdentifiers`).
   * @minItems 1
   * @maxItems 10
   */
  OpportunityIdentifier?: OpportunityIdentifier[]
  /**
   * Filter by invitation (`EngagementInvitationIdentifiers`).
   * @minItems 1
   * @maxItems 10
   */
  EngagementInvitationIdentifier?: EngagementInvitationArnOrIdentifier[]
  /**
   * Filter by task (`TaskIdentifiers`).
   * @minItems 1
   * @maxItems 10
   */
  TaskIdentifier?: TaskArnOrIdentifier[]
}

/** One task of a List page: the same members and constraints as the Start output. */
export interface ListEngagementByAcceptingInvitationTaskSummary extends TaskSummaryMembers {}

/** The output of ListEngagementByAcceptingInvitationTasks. */
export interface ListEngagementByAcceptingInvitationTasksResponse {
  /** The tasks of this page. */
  TaskSummaries?: ListEngagementByAcceptingInvitationTaskSummary[]
  /** Set when there are more pages. */
  NextToken?: string
}
