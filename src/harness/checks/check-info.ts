/**
 * The ten conformance checks, each with a severity: a failed `must` fails the run, a failed `should`
 * is reported only.
 */

/** How much a failed check matters. */
export type Severity = 'must' | 'should'

/** What a check asks of a client. */
export interface CheckInfo {
  readonly number: number
  readonly severity: Severity
  readonly title: string
}

/** The checks, in order. */
export const CHECKS = {
  wire: {
    number: 1,
    severity: 'must',
    title:
      'every request is POST with the exact X-Amz-Target, Content-Type application/x-amz-json-1.0, a SigV4 Authorization for partnercentral-selling, and a contract-valid JSON body with a ClientToken',
  },
  success: {
    number: 2,
    severity: 'must',
    title:
      'on success the client reports the TaskStatus and TaskId it received, after exactly one request',
  },
  'failed-task': {
    number: 3,
    severity: 'must',
    title:
      'on FAILED it reports FAILED and the ReasonCode, unknown values included, without crashing',
  },
  'not-retried': {
    number: 4,
    severity: 'must',
    title:
      '400 Validation, 402, 403, 404, 409 and unknown error names are tried once and reported by name',
  },
  retried: {
    number: 5,
    severity: 'must',
    title:
      'throttling, 5xx and resets are retried with the same ClientToken and body; a later success is a success; a persistent failure stops within 10 attempts and is reported',
  },
  'lost-response': {
    number: 6,
    severity: 'must',
    title: 'after a lost response the simulator holds exactly one task for the invitation',
  },
  encodings: {
    number: 7,
    severity: 'must',
    title: 'every error-encoding variant of an error is reported with the same name',
  },
  robust: {
    number: 8,
    severity: 'must',
    title: 'malformed bodies and unknown fields give a reported error or result, never a crash',
  },
  'invalid-input': {
    number: 9,
    severity: 'must',
    title:
      'an invalid input is refused by the client (nothing sent) or surfaces the ValidationException; never a success',
  },
  patience: {
    number: 10,
    severity: 'should',
    title:
      'a server that never answers is given up within the scenario deadline; Retry-After is honoured',
  },
} as const satisfies Record<string, CheckInfo>

/** The id of a check. */
export type CheckId = keyof typeof CHECKS

/** Every check id, in order. */
export const CHECK_IDS: readonly CheckId[] = Object.keys(CHECKS) as CheckId[]

/** Most attempts a persistent failure may take (check 5). */
export const MAX_ATTEMPTS = 10

/** Least wait after `Retry-After: 1` that counts as honouring it (check 10), in ms. */
export const RETRY_AFTER_MIN_WAIT_MS = 900
