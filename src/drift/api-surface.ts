/**
 * The comparable surface of the API: enum values, errors and input members, as the model and as the
 * installed AWS SDK see it.
 */
import {
  ACCESS_DENIED_REASONS,
  TASK_STATUSES,
  VALIDATION_EXCEPTION_ERROR_CODES,
  VALIDATION_EXCEPTION_REASONS,
} from '../model/enums.js'
import { ERROR_INFO, ERROR_NAMES } from '../model/errors.js'
import { resolveRevision } from '../model/revisions.js'
import { ToolkitError } from '../internal/toolkit-error.js'

/** One comparable aspect: a set of strings. */
export type SurfaceAspect =
  | 'ReasonCode values'
  | 'TaskStatus values'
  | 'ValidationExceptionErrorCode values'
  | 'ValidationExceptionReason values'
  | 'AccessDeniedExceptionErrorCode values'
  | 'errors (name, HTTP status, fault)'
  | 'error members'
  | 'input members'
  | 'required input members (idempotency token excluded)'
  | 'idempotency token'

/** The API as one side sees it: each aspect a list of strings. */
export type ApiSurface = Readonly<Record<SurfaceAspect, readonly string[]>>

/**
 * The surface of a revision of the model.
 * @param revision A revision id or alias.
 * @returns The surface.
 */
export function modelSurface(revision?: string): ApiSurface {
  const rev = resolveRevision(revision)
  const token = 'ClientToken'
  return {
    'ReasonCode values': rev.reasonCodes,
    'TaskStatus values': TASK_STATUSES,
    'ValidationExceptionErrorCode values': VALIDATION_EXCEPTION_ERROR_CODES,
    'ValidationExceptionReason values': VALIDATION_EXCEPTION_REASONS,
    'AccessDeniedExceptionErrorCode values': ACCESS_DENIED_REASONS,
    'errors (name, HTTP status, fault)': ERROR_NAMES.map(
      (name) => `${name} ${rev.errorHttpStatus[name]} ${ERROR_INFO[name].fault}`,
    ),
    'error members': ERROR_NAMES.flatMap((name) =>
      ERROR_INFO[name].members.map((member) => `${name}.${member}`),
    ),
    'input members': rev.requestMembers,
    // SDKs make the idempotency token optional in their input type: they fill it in.
    'required input members (idempotency token excluded)': rev.requiredRequestMembers.filter(
      (member) => member !== token,
    ),
    'idempotency token': [token],
  }
}

type StaticSchema = readonly unknown[]

function isStructSchema(value: unknown, tag: number): value is StaticSchema {
  return Array.isArray(value) && value[0] === tag && typeof value[2] === 'string'
}

function enumValues(sdk: Record<string, unknown>, name: string): string[] {
  const table = sdk[name]
  if (table === null || typeof table !== 'object') {
    throw new ToolkitError(
      `The installed AWS SDK has no enum ${name}; its format changed. Update eck.`,
    )
  }
  return Object.values(table).filter((value): value is string => typeof value === 'string')
}

// A Smithy static structure schema is [3 (-3 for errors), namespace, name, traits, memberNames,
// memberSchemas, requiredMemberCount?]; member traits are a bit field whose bit 2 is idempotencyToken
// (@smithy/core schema translateTraits).
const IDEMPOTENCY_TOKEN_BIT = 1 << 2

/**
 * The surface of an installed `@aws-sdk/client-partnercentral-selling` module.
 * @param sdk The module namespace (`await import('@aws-sdk/client-partnercentral-selling')`).
 * @returns The surface.
 * @throws ToolkitError when the SDK's schema format is not the one this toolkit reads.
 */
export function sdkSurface(sdk: Record<string, unknown>): ApiSurface {
  const input = sdk.StartEngagementByAcceptingInvitationTaskRequest$
  if (!isStructSchema(input, 3)) {
    throw new ToolkitError(
      'The installed AWS SDK has no StartEngagementByAcceptingInvitationTaskRequest$ schema in the expected format. Update eck or pin @aws-sdk/client-partnercentral-selling.',
    )
  }
  const members = input[4] as readonly string[]
  const memberSchemas = input[5] as readonly unknown[]
  const requiredCount = typeof input[6] === 'number' ? input[6] : 0
  const tokens = members.filter((_, index) => {
    const schema = memberSchemas[index]
    return (
      Array.isArray(schema) &&
      typeof schema[1] === 'number' &&
      (schema[1] & IDEMPOTENCY_TOKEN_BIT) !== 0
    )
  })
  const errors = Object.entries(sdk)
    .filter(([key, value]) => key.endsWith('$') && isStructSchema(value, -3))
    .map(([, value]) => value as StaticSchema)
    .filter((schema) => typeof schema[3] === 'object' && schema[3] !== null)
  return {
    'ReasonCode values': enumValues(sdk, 'ReasonCode'),
    'TaskStatus values': enumValues(sdk, 'TaskStatus'),
    'ValidationExceptionErrorCode values': enumValues(sdk, 'ValidationExceptionErrorCode'),
    'ValidationExceptionReason values': enumValues(sdk, 'ValidationExceptionReason'),
    'AccessDeniedExceptionErrorCode values': enumValues(sdk, 'AccessDeniedExceptionErrorCode'),
    'errors (name, HTTP status, fault)': errors.map((schema) => {
      const traits = schema[3] as { error?: unknown; httpError?: unknown }
      return `${String(schema[2])} ${String(traits.httpError)} ${String(traits.error)}`
    }),
    'error members': errors.flatMap((schema) =>
      (schema[4] as readonly string[]).map((member) => `${String(schema[2])}.${member}`),
    ),
    'input members': members,
    'required input members (idempotency token excluded)': members.slice(0, requiredCount),
    'idempotency token': tokens,
  }
}
