/**
 * Task failure reasons (`ReasonCode`, service-facts §3), in service-model order, with what they mean
 * for a client. The first 19 are on the API reference page; the last 3 arrived with the 2025-12 model.
 */

/** What kind of failure a ReasonCode reports. */
export type ReasonCategory =
  | 'access-denied'
  | 'validation'
  | 'conflict'
  | 'quota'
  | 'throttling'
  | 'internal'
  | 'business-rule'

/** Metadata of one ReasonCode. */
export interface ReasonCodeInfo {
  readonly category: ReasonCategory
  /** Whether starting a new task later (with a new ClientToken) can succeed without changing anything. */
  readonly retryLater: boolean
  /** A one-line recovery hint for people. */
  readonly hint: string
  /** Whether the older API reference page lists it. */
  readonly inReferencePage: boolean
}

/** Every ReasonCode of the current service model with its metadata, in model order. */
export const REASON_CODE_INFO = {
  InvitationAccessDenied: {
    category: 'access-denied',
    retryLater: false,
    hint: 'Grant the caller access to the invitation (IAM policy, Partner Central user role) and check it is addressed to this account.',
    inReferencePage: true,
  },
  InvitationValidationFailed: {
    category: 'validation',
    retryLater: false,
    hint: 'The invitation cannot be accepted (expired, rejected or not pending): fetch it with GetEngagementInvitation and check its Status.',
    inReferencePage: true,
  },
  EngagementAccessDenied: {
    category: 'access-denied',
    retryLater: false,
    hint: 'Grant the caller access to the engagement the invitation belongs to.',
    inReferencePage: true,
  },
  OpportunityAccessDenied: {
    category: 'access-denied',
    retryLater: false,
    hint: 'Grant the caller permission to create and update opportunities in this catalog.',
    inReferencePage: true,
  },
  ResourceSnapshotJobAccessDenied: {
    category: 'access-denied',
    retryLater: false,
    hint: 'Grant the caller permission to start resource snapshot jobs.',
    inReferencePage: true,
  },
  ResourceSnapshotJobValidationFailed: {
    category: 'validation',
    retryLater: false,
    hint: 'The resource snapshot job was rejected: read Message for the field at fault and fix the engagement data.',
    inReferencePage: true,
  },
  ResourceSnapshotJobConflict: {
    category: 'conflict',
    retryLater: true,
    hint: 'Another resource snapshot job is running for this engagement: wait for it, then start a new task.',
    inReferencePage: true,
  },
  EngagementValidationFailed: {
    category: 'validation',
    retryLater: false,
    hint: 'The engagement failed validation: read Message and fix the engagement before accepting again.',
    inReferencePage: true,
  },
  EngagementConflict: {
    category: 'conflict',
    retryLater: true,
    hint: 'The engagement is being changed concurrently: fetch its latest state and try again later.',
    inReferencePage: true,
  },
  OpportunitySubmissionFailed: {
    category: 'business-rule',
    retryLater: false,
    hint: 'The opportunity could not be submitted: read Message for the rule it broke and correct the opportunity.',
    inReferencePage: true,
  },
  EngagementInvitationConflict: {
    category: 'conflict',
    retryLater: false,
    hint: 'The invitation was already accepted or is being accepted: look up the existing task instead of starting another.',
    inReferencePage: true,
  },
  InternalError: {
    category: 'internal',
    retryLater: true,
    hint: 'A service-side failure: start a new task later; contact AWS support if it persists.',
    inReferencePage: true,
  },
  OpportunityValidationFailed: {
    category: 'validation',
    retryLater: false,
    hint: 'The created opportunity failed validation: read Message and fix the opportunity data.',
    inReferencePage: true,
  },
  OpportunityConflict: {
    category: 'conflict',
    retryLater: true,
    hint: 'The opportunity is being changed concurrently: try again later.',
    inReferencePage: true,
  },
  ResourceSnapshotAccessDenied: {
    category: 'access-denied',
    retryLater: false,
    hint: 'Grant the caller permission to create resource snapshots.',
    inReferencePage: true,
  },
  ResourceSnapshotValidationFailed: {
    category: 'validation',
    retryLater: false,
    hint: 'The resource snapshot failed validation: read Message and fix the resource data.',
    inReferencePage: true,
  },
  ResourceSnapshotConflict: {
    category: 'conflict',
    retryLater: true,
    hint: 'A resource snapshot is being written concurrently: try again later.',
    inReferencePage: true,
  },
  ServiceQuotaExceeded: {
    category: 'quota',
    retryLater: true,
    hint: 'A service quota is used up: free capacity or request a quota increase, then try again.',
    inReferencePage: true,
  },
  RequestThrottled: {
    category: 'throttling',
    retryLater: true,
    hint: 'The task was throttled: start a new task after a back-off.',
    inReferencePage: true,
  },
  ContextNotFound: {
    category: 'business-rule',
    retryLater: false,
    hint: 'A context the engagement needs does not exist: create or link the context, then accept again.',
    inReferencePage: false,
  },
  CustomerProjectContextNotPermitted: {
    category: 'business-rule',
    retryLater: false,
    hint: 'This engagement may not carry a customer project context: remove it or use another engagement.',
    inReferencePage: false,
  },
  DisqualifiedLeadNotPermitted: {
    category: 'business-rule',
    retryLater: false,
    hint: 'The lead was disqualified and cannot become an opportunity.',
    inReferencePage: false,
  },
} as const satisfies Record<string, ReasonCodeInfo>

/** Why a task FAILED. */
export type ReasonCode = keyof typeof REASON_CODE_INFO

/** Every ReasonCode of the current service model, in model order. */
export const REASON_CODES: readonly ReasonCode[] = Object.keys(REASON_CODE_INFO) as ReasonCode[]
