/**
 * The seven modelled errors of StartEngagementByAcceptingInvitationTask (service-facts §4), in order of
 * HTTP status, with what the AWS SDK v3 standard retry strategy does with each (service-facts §5).
 */

/** How the AWS SDK's standard retry mode classifies an error. */
export type SdkRetryClass = 'no' | 'throttling' | 'transient'

/** Metadata of one modelled error. */
export interface ErrorInfo {
  /** HTTP status in the current service model. */
  readonly httpStatus: number
  readonly fault: 'client' | 'server'
  /** What the SDK's standard mode does with it. */
  readonly sdkRetry: SdkRetryClass
  /** Body members, in model order. */
  readonly members: readonly string[]
  /** Members the model marks required. */
  readonly required: readonly string[]
  /** One line for people. */
  readonly summary: string
}

/** Every modelled error with its metadata. */
export const ERROR_INFO = {
  ValidationException: {
    httpStatus: 400,
    fault: 'client',
    sdkRetry: 'no',
    members: ['Message', 'Reason', 'ErrorList'],
    required: ['Message', 'Reason'],
    summary:
      'The input breaks a constraint or a business rule; fix the request (ErrorList says where).',
  },
  ServiceQuotaExceededException: {
    httpStatus: 402,
    fault: 'client',
    sdkRetry: 'no',
    members: ['Message'],
    required: [],
    summary: 'A service quota would be exceeded; reduce usage or ask for a quota increase.',
  },
  AccessDeniedException: {
    httpStatus: 403,
    fault: 'client',
    sdkRetry: 'no',
    members: ['Message', 'Reason'],
    required: [],
    summary: 'The caller may not perform this action; review IAM policies.',
  },
  ResourceNotFoundException: {
    httpStatus: 404,
    fault: 'client',
    sdkRetry: 'no',
    members: ['Message'],
    required: [],
    summary: 'The invitation does not exist in this catalog or is not visible to the caller.',
  },
  ConflictException: {
    httpStatus: 409,
    fault: 'client',
    sdkRetry: 'no',
    members: ['Message'],
    required: [],
    summary:
      'The request conflicts with the current state (e.g. a ClientToken reused with other parameters).',
  },
  ThrottlingException: {
    httpStatus: 429,
    fault: 'client',
    sdkRetry: 'throttling',
    members: ['Message'],
    required: [],
    summary:
      'Too many requests; retry with back-off (retried by name, so a 400 carrying it is retried too).',
  },
  InternalServerException: {
    httpStatus: 500,
    fault: 'server',
    sdkRetry: 'transient',
    members: ['Message'],
    required: [],
    summary: 'A transient service failure; retry with back-off.',
  },
} as const satisfies Record<string, ErrorInfo>

/** The name of a modelled error. */
export type ErrorName = keyof typeof ERROR_INFO

/** Every modelled error name, in order of HTTP status. */
export const ERROR_NAMES: readonly ErrorName[] = Object.keys(ERROR_INFO) as ErrorName[]

/** The errors `ListEngagementByAcceptingInvitationTasks` can raise (service-facts §6). */
export const LIST_ERROR_NAMES: readonly ErrorName[] = [
  'AccessDeniedException',
  'InternalServerException',
  'ResourceNotFoundException',
  'ThrottlingException',
  'ValidationException',
]

/**
 * Whether a string names one of the modelled errors.
 * @param name Any string.
 * @returns True for the seven modelled names.
 */
export function isErrorName(name: string): name is ErrorName {
  return Object.hasOwn(ERROR_INFO, name)
}
