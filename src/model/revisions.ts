/**
 * The two supported revisions of the API shape, as data: the current service model (`2025-12`, also
 * `latest`, the default everywhere) and the older API reference page (`reference`). Each revision is
 * the current constraint tables plus the differences the reference page documents.
 */
import {
  INTEGER_CONSTRAINTS,
  LIST_CONSTRAINTS,
  STRING_CONSTRAINTS,
  type IntegerConstraint,
  type IntegerShapeName,
  type ListConstraint,
  type ListShapeName,
  type StringConstraint,
  type StringShapeName,
} from './constraints.js'
import { ERROR_INFO, ERROR_NAMES, type ErrorName } from './errors.js'
import { REASON_CODE_INFO, REASON_CODES, type ReasonCode } from './reason-codes.js'
import { UsageError } from '../internal/toolkit-error.js'

/** Ids of the supported revisions. */
export const REVISION_IDS = ['2025-12', 'reference'] as const
/** `2025-12` (the current service model) or `reference` (the API reference page). */
export type RevisionId = (typeof REVISION_IDS)[number]
/** The revision used when none is given. */
export const DEFAULT_REVISION: RevisionId = '2025-12'
/** Other names accepted for a revision. */
export const REVISION_ALIASES: Readonly<Record<string, RevisionId>> = { latest: '2025-12' }

/** Members of the Start input. */
export type RequestMember = 'Catalog' | 'ClientToken' | 'Identifier' | 'Tags'

/** One revision of the API shape. */
export interface Revision {
  readonly id: RevisionId
  readonly title: string
  /** Where its facts come from. */
  readonly source: string
  readonly strings: Readonly<Record<StringShapeName, StringConstraint>>
  readonly lists: Readonly<Record<ListShapeName, ListConstraint>>
  readonly integers: Readonly<Record<IntegerShapeName, IntegerConstraint>>
  /** The ReasonCodes of this revision, in model order. */
  readonly reasonCodes: readonly ReasonCode[]
  /** The members of the Start input, in the order SDKs send them. */
  readonly requestMembers: readonly RequestMember[]
  /** The required members of the Start input. */
  readonly requiredRequestMembers: readonly RequestMember[]
  /** The HTTP status of each error. */
  readonly errorHttpStatus: Readonly<Record<ErrorName, number>>
}

const CURRENT: Revision = {
  id: '2025-12',
  title: 'Current service model (ClientToken ^.{1,255}$ since 2025-12-01)',
  source:
    'Smithy model partnercentral-selling 2022-07-26, as of 2025-12; AWS SDK for JavaScript v3',
  strings: STRING_CONSTRAINTS,
  lists: LIST_CONSTRAINTS,
  integers: INTEGER_CONSTRAINTS,
  reasonCodes: REASON_CODES,
  requestMembers: ['Catalog', 'Identifier', 'ClientToken', 'Tags'],
  requiredRequestMembers: ['Catalog', 'ClientToken', 'Identifier'],
  errorHttpStatus: Object.fromEntries(
    ERROR_NAMES.map((name) => [name, ERROR_INFO[name].httpStatus]),
  ) as Record<ErrorName, number>,
}

const REFERENCE: Revision = {
  ...CURRENT,
  id: 'reference',
  title: 'API reference page (ClientToken ^[!-~]{1,64}$, 19 ReasonCodes, no Tags)',
  source: 'AWS Partner Central API reference page for StartEngagementByAcceptingInvitationTask',
  strings: {
    ...STRING_CONSTRAINTS,
    ClientToken: {
      pattern: '^[!-~]{1,64}$',
      minLength: 1,
      lengthInPattern: { min: 1, max: 64 },
      description:
        'Idempotency token: 1..64 printable ASCII characters, no spaces (API reference page).',
    },
    EngagementInvitationArnOrIdentifier: {
      pattern: '^(arn:.*|engi-[0-9a-z]{13})$',
      minLength: 1,
      maxLength: 255,
      description:
        'The invitation to accept: `engi-` and 13 lowercase letters or digits, or an ARN; length 1..255 (API reference page).',
    },
  },
  reasonCodes: REASON_CODES.filter((code) => REASON_CODE_INFO[code].inReferencePage),
  requestMembers: ['Catalog', 'Identifier', 'ClientToken'],
  // The reference page gives 400 for every client error and 500 for InternalServerException.
  errorHttpStatus: {
    ValidationException: 400,
    ServiceQuotaExceededException: 400,
    AccessDeniedException: 400,
    ResourceNotFoundException: 400,
    ConflictException: 400,
    ThrottlingException: 400,
    InternalServerException: 500,
  },
}

/** Every supported revision by id. */
export const REVISIONS: Readonly<Record<RevisionId, Revision>> = {
  '2025-12': CURRENT,
  reference: REFERENCE,
}

/**
 * Finds a revision by id or alias.
 * @param id `2025-12`, `latest` or `reference`; undefined means the default.
 * @returns The revision.
 * @throws UsageError naming the known revisions when `id` is unknown.
 */
export function resolveRevision(id?: string): Revision {
  if (id === undefined) return REVISIONS[DEFAULT_REVISION]
  const resolved = (Object.hasOwn(REVISION_ALIASES, id) ? REVISION_ALIASES[id] : undefined) ?? id
  if ((REVISION_IDS as readonly string[]).includes(resolved))
    return REVISIONS[resolved as RevisionId]
  throw new UsageError(
    `Unknown revision ${JSON.stringify(id)}. Known: 2025-12 (alias latest), reference. Pass one of them with --revision.`,
  )
}
