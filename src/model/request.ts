/**
 * The input of StartEngagementByAcceptingInvitationTask (service-facts §2), current service model.
 * The JSDoc tags are read by typescript-json-schema; they must equal `constraints.ts`.
 * @see https://docs.aws.amazon.com/partner-central/latest/APIReference/API_StartEngagementByAcceptingInvitationTask.html
 */

/**
 * The catalog: `AWS` for production, `Sandbox` for testing. A pattern, not an enum.
 * @pattern ^[a-zA-Z]+$
 */
export type CatalogIdentifier = string

/**
 * Idempotency token (`@idempotencyToken`): the same token with the same parameters returns the
 * same task. Any 1..255 characters without line terminators since 2025-12-01.
 * @pattern ^.{1,255}$
 */
export type ClientToken = string

/**
 * The invitation to accept: `engi-` and 13 lowercase letters or digits, or an ARN; 1..255 characters.
 * @pattern ^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$
 */
export type EngagementInvitationArnOrIdentifier = string

/**
 * A tag key: 1..128 letters, separators, digits or `_.:/=+-@`.
 * @pattern ^(?=.{1,128}$)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$
 */
export type TagKey = string

/**
 * A tag value: 0..256 letters, separators, digits or `_.:/=+-@`.
 * @pattern ^(?=.{0,256}$)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$
 */
export type TagValue = string

/** A key-value tag put on the created opportunity. */
export interface Tag {
  /** The tag key. */
  Key: TagKey
  /** The tag value. */
  Value: TagValue
}

/** The input of StartEngagementByAcceptingInvitationTask. */
export interface StartEngagementByAcceptingInvitationTaskRequest {
  /** The catalog of the invitation. */
  Catalog: CatalogIdentifier
  /** Idempotency token; SDKs fill it with a UUID when it is missing. */
  ClientToken: ClientToken
  /** The invitation id or ARN. */
  Identifier: EngagementInvitationArnOrIdentifier
  /**
   * Tags for the created resources (`TagList`; current model only).
   * @minItems 1
   * @maxItems 200
   */
  Tags?: Tag[]
}
