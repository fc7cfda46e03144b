/**
 * The constraints of every string, list and number shape of the current service model
 * (service-facts §2, §3, §6), keyed by Smithy shape name. Schemas, validators and generators read
 * their limits from here (through a revision, see `revisions.ts`); the JSDoc of the types in
 * `shapes.ts` repeats them for typescript-json-schema, and contract rendering fails if the two differ.
 *
 * Patterns are ECMAScript sources meant for the `u` flag (look-ahead and `\p{…}` classes).
 */

/** Constraints of a string shape. */
export interface StringConstraint {
  /** ECMAScript regular expression source, compiled with the `u` flag. Not implicitly anchored. */
  readonly pattern: string
  /** Minimum length in code points, when the model has a length trait. */
  readonly minLength?: number
  /** Maximum length in code points, when the model has a length trait. */
  readonly maxLength?: number
  /** Length limits that the pattern itself enforces (look-ahead or a bounded quantifier). */
  readonly lengthInPattern?: { readonly min: number; readonly max: number }
  /** A revision's own wording, where its constraint differs from the current model's. */
  readonly description?: string
}

/** Constraints of a list shape. */
export interface ListConstraint {
  readonly minItems: number
  readonly maxItems: number
}

/** Constraints of an integer shape. */
export interface IntegerConstraint {
  readonly minimum: number
  readonly maximum: number
}

/** String shapes of the current model. */
export const STRING_CONSTRAINTS = {
  CatalogIdentifier: { pattern: '^[a-zA-Z]+$' },
  ClientToken: { pattern: '^.{1,255}$', lengthInPattern: { min: 1, max: 255 } },
  EngagementInvitationArnOrIdentifier: {
    pattern: '^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$',
    lengthInPattern: { min: 1, max: 255 },
  },
  TagKey: {
    pattern: '^(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
    lengthInPattern: { min: 1, max: 128 },
  },
  TagValue: {
    pattern: '^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
    lengthInPattern: { min: 0, max: 256 },
  },
  // The model has no leading `^` here: `x-task-0123456789abc` is a valid TaskId.
  TaskIdentifier: { pattern: 'task-[0-9a-z]{13}$' },
  TaskArn: { pattern: '^arn:.*' },
  TaskArnOrIdentifier: { pattern: '^(arn:.*|task-[0-9a-z]{13})$' },
  OpportunityIdentifier: { pattern: '^O[0-9]{1,19}$' },
  ResourceSnapshotJobIdentifier: { pattern: '^job-[0-9a-z]{13}$' },
  // The comma is a literal member of the class, in the model too.
  EngagementInvitationIdentifier: { pattern: '^engi-[0-9,a-z]{13}$' },
  // RFC 3339 as the AWS SDK parses it (its RFC3339_WITH_OFFSET); `format: date-time` checks the values.
  DateTime: {
    pattern: '^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$',
  },
  // The model says `(?s).{1,2048}`; ECMAScript has no inline flags, so `[\s\S]` stands for `(?s).`.
  NextToken: { pattern: '^[\\s\\S]{1,2048}$', lengthInPattern: { min: 1, max: 2048 } },
} as const satisfies Record<string, StringConstraint>

/** The name of a constrained string shape. */
export type StringShapeName = keyof typeof STRING_CONSTRAINTS

/** List shapes of the current model. */
export const LIST_CONSTRAINTS = {
  TagList: { minItems: 1, maxItems: 200 },
  TaskStatuses: { minItems: 1, maxItems: 3 },
  OpportunityIdentifiers: { minItems: 1, maxItems: 10 },
  EngagementInvitationIdentifiers: { minItems: 1, maxItems: 10 },
  TaskIdentifiers: { minItems: 1, maxItems: 10 },
} as const satisfies Record<string, ListConstraint>

/** The name of a constrained list shape. */
export type ListShapeName = keyof typeof LIST_CONSTRAINTS

/** Integer shapes of the current model. */
export const INTEGER_CONSTRAINTS = {
  MaxResults: { minimum: 1, maximum: 1000 },
} as const satisfies Record<string, IntegerConstraint>

/** The name of a constrained integer shape. */
export type IntegerShapeName = keyof typeof INTEGER_CONSTRAINTS
