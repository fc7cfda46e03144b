/**
 * The errors of the service's front door, common to every action (the reference page's "Common
 * Errors"), as the awsJson1_0 front door writes them: `__type: com.amazon.coral.service#Name`, the
 * `X-Amzn-Errortype` header agreeing, and the message in `message`.
 *
 * Names, statuses and which SDKs retry them are from the SDK facts ("Common Errors"): the JSON front
 * door answers the credential errors with 400 (the DynamoDB developer guide's "HTTP status code 400"
 * list, and recorded answers such as `400 {"__type":"com.amazon.coral.service#ExpiredTokenException",
 * "message":"The security token included in the request is expired"}`), where the generic Common
 * Errors page says 403. Scenarios send each credential error at the other status too.
 */

/** The namespace the front door writes in `__type`. */
export const FRONT_DOOR_NAMESPACE = 'com.amazon.coral.service'

/** The URI suffix the front door writes in `X-Amzn-Errortype`. */
export const FRONT_DOOR_URI = 'http://internal.amazon.com/coral/com.amazon.coral.service/'

/**
 * How a careful client treats a front-door error: `retryable` (every official SDK retries it),
 * `final` (none does), `clock` (a signature the server's clock rejects: an SDK that corrects its
 * clock from the answer's `Date` header retries it once, one that does not reports it).
 */
export type FrontDoorRetry = 'retryable' | 'final' | 'clock'

/** One front-door error. */
export interface FrontDoorErrorInfo {
  /** The status the JSON front door sends. */
  readonly httpStatus: number
  /** The other status the same error is documented with (Common Errors vs. the JSON front door), if any. */
  readonly otherStatus?: number
  readonly retry: FrontDoorRetry
  /** The message, worded as AWS words it. */
  readonly message: string
}

/** The front door's errors, by wire name. */
export const FRONT_DOOR_ERRORS = {
  InternalFailure: {
    httpStatus: 500,
    retry: 'retryable',
    message: 'The request processing has failed because of an unknown error, exception or failure.',
  },
  ServiceUnavailable: {
    httpStatus: 503,
    retry: 'retryable',
    message: 'The request has failed due to a temporary failure of the server.',
  },
  ThrottlingException: {
    httpStatus: 400,
    otherStatus: 429,
    retry: 'retryable',
    message: 'Rate exceeded',
  },
  ExpiredTokenException: {
    httpStatus: 400,
    otherStatus: 403,
    retry: 'final',
    message: 'The security token included in the request is expired',
  },
  UnrecognizedClientException: {
    httpStatus: 400,
    otherStatus: 403,
    retry: 'final',
    message: 'The security token included in the request is invalid.',
  },
  AccessDeniedException: {
    httpStatus: 400,
    otherStatus: 403,
    retry: 'final',
    message:
      'User: arn:aws:iam::111122223333:user/eck is not authorized to perform: partnercentral:StartEngagementByAcceptingInvitationTask',
  },
  OptInRequired: {
    httpStatus: 403,
    otherStatus: 400,
    retry: 'final',
    message: 'The AWS Access Key Id needs a subscription for the service',
  },
  IncompleteSignatureException: {
    httpStatus: 400,
    otherStatus: 403,
    retry: 'final',
    message: 'The request signature does not conform to AWS standards.',
  },
  MissingAuthenticationTokenException: {
    httpStatus: 400,
    otherStatus: 403,
    retry: 'final',
    message: 'Missing Authentication Token',
  },
  InvalidSignatureException: {
    httpStatus: 400,
    otherStatus: 403,
    retry: 'final',
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
  },
  RequestExpired: {
    httpStatus: 400,
    retry: 'clock',
    message:
      'The request reached the service more than 15 minutes after the date stamp on the request or more than 15 minutes after the request expiration date, or the date stamp on the request is more than 15 minutes in the future.',
  },
  UnknownOperationException: {
    httpStatus: 400,
    retry: 'final',
    message: 'Unknown operation.',
  },
} as const satisfies Readonly<Record<string, FrontDoorErrorInfo>>

/** A front-door error's wire name. */
export type FrontDoorErrorName = keyof typeof FRONT_DOOR_ERRORS

/** Every front-door error name. */
export const FRONT_DOOR_ERROR_NAMES = Object.keys(FRONT_DOOR_ERRORS) as FrontDoorErrorName[]

/**
 * Whether a name is one of the front door's errors.
 * @param name Any string.
 * @returns True for a {@link FrontDoorErrorName}.
 */
export function isFrontDoorErrorName(name: string): name is FrontDoorErrorName {
  return Object.hasOwn(FRONT_DOOR_ERRORS, name)
}

/** How far a request's signing time may be from the server's clock (AWS: 15 minutes either way). */
export const SIGNATURE_TIME_WINDOW_MS = 15 * 60_000

/**
 * A `Date` header at least this far from the client's clock makes SDKs that correct clock skew retry
 * the error once with a corrected clock (JS and Go: 4 minutes, sdk-facts "clock-skew correction").
 */
export const CLOCK_CORRECTION_MIN_MS = 4 * 60_000
