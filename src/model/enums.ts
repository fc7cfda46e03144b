/**
 * Enumerations of the service model (service-facts §3, §4, §6), in the order the model lists them.
 * Every list here was written from the service model, never from memory; `eck drift` compares them
 * with the installed AWS SDK.
 */

/** Status of an accept-invitation task. */
export const TASK_STATUSES = ['IN_PROGRESS', 'COMPLETE', 'FAILED'] as const
/** `IN_PROGRESS` | `COMPLETE` | `FAILED`. */
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** `ValidationException.Reason`. */
export const VALIDATION_EXCEPTION_REASONS = [
  'REQUEST_VALIDATION_FAILED',
  'BUSINESS_VALIDATION_FAILED',
] as const
/** Why a ValidationException was raised. */
export type ValidationExceptionReason = (typeof VALIDATION_EXCEPTION_REASONS)[number]

/** `ValidationExceptionError.Code`: the code of each entry of a ValidationException's `ErrorList`. */
export const VALIDATION_EXCEPTION_ERROR_CODES = [
  'REQUIRED_FIELD_MISSING',
  'INVALID_ENUM_VALUE',
  'INVALID_STRING_FORMAT',
  'INVALID_VALUE',
  'NOT_ENOUGH_VALUES',
  'TOO_MANY_VALUES',
  'INVALID_RESOURCE_STATE',
  'DUPLICATE_KEY_VALUE',
  'VALUE_OUT_OF_RANGE',
  'ACTION_NOT_PERMITTED',
] as const
/** The code of one ErrorList entry. */
export type ValidationExceptionErrorCode = (typeof VALIDATION_EXCEPTION_ERROR_CODES)[number]

/** `AccessDeniedException.Reason` (shape `AccessDeniedExceptionErrorCode`). */
export const ACCESS_DENIED_REASONS = ['INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE'] as const
/** Why access was denied. */
export type AccessDeniedExceptionErrorCode = (typeof ACCESS_DENIED_REASONS)[number]

/** `ListTasksSortBase.SortOrder`. */
export const SORT_ORDERS = ['ASCENDING', 'DESCENDING'] as const
/** Sort direction of a List call. */
export type SortOrder = (typeof SORT_ORDERS)[number]

/** `ListTasksSortBase.SortBy`. */
export const LIST_TASKS_SORT_NAMES = ['StartTime'] as const
/** The field a List call sorts on. */
export type ListTasksSortName = (typeof LIST_TASKS_SORT_NAMES)[number]

/** `GetEngagementInvitation` `Status` (service-facts §6). */
export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED'] as const
/** Status of an engagement invitation. */
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

/** The two catalogs that exist. `Catalog` is a pattern, not an enum, so others are schema-valid. */
export const KNOWN_CATALOGS = ['AWS', 'Sandbox'] as const
/** `AWS` (production) or `Sandbox` (testing). */
export type KnownCatalog = (typeof KNOWN_CATALOGS)[number]
