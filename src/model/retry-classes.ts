/**
 * What the AWS SDKs' standard retry strategies retry (service-facts §5, sdk-facts "Retries, by
 * default"): throttling names whatever the status, and the transient statuses.
 */

/** Names every standard retry strategy treats as throttling, whatever the HTTP status. */
export const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'ThrottledException',
  'Throttling',
  'SlowDown',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'TransactionInProgressException',
])

/** Names the standard retry strategies treat as transient whatever the status (JS `TRANSIENT_ERROR_CODES`). */
export const TRANSIENT_ERROR_NAMES: ReadonlySet<string> = new Set([
  'RequestTimeout',
  'RequestTimeoutException',
])

/** HTTP statuses retried as transient (or, for 429, throttling) whatever the body says. */
export const TRANSIENT_HTTP_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])

/** Most attempts a careful client makes for one call (the SDKs' standard modes make 3 to 5). */
export const MAX_ATTEMPTS = 10

/** Least wait after `Retry-After: 1` that counts as honouring it, in ms. */
export const RETRY_AFTER_MIN_WAIT_MS = 900

/** A tight loop: this many attempts or more ... */
export const TIGHT_LOOP_ATTEMPTS = 5
/** ... starting less than this far apart on average (ms) have no backoff. */
export const TIGHT_LOOP_GAP_MS = 20

/**
 * An answer that finished less than this long before the client closed the connection or started its
 * next attempt may not have reached it: it counts as not delivered (ms).
 */
export const DELIVERY_GRACE_MS = 50
