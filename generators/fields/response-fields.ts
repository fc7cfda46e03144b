/**
 * Valid values of the response members (service-facts §3).
 */
import fc from 'fast-check'
import { TASK_STATUSES, type TaskStatus } from '../../src/model/enums.js'
import type { ReasonCode } from '../../src/model/reason-codes.js'
import { resolveRevision } from '../../src/model/revisions.js'
import { catalog } from './catalog.js'
import { alphabetOf, charOf, LOWER_ALNUM, prefixedId, sizedString } from '../sized-string.js'

/**
 * Valid `TaskId` values: `task-` and 13 lowercase letters or digits, sometimes after a prefix (the model
 * pattern has no leading `^`).
 * @returns The arbitrary.
 */
export function taskId(): fc.Arbitrary<string> {
  const id = prefixedId('task-', LOWER_ALNUM, 13)
  return fc.oneof(
    { weight: 5, arbitrary: id },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit: charOf(`${LOWER_ALNUM}-:/`), minLength: 1, maxLength: 8 }), id)
        .map(([p, v]) => `${p}${v}`),
    },
  )
}

/**
 * Valid `TaskArn` values: realistic task ARNs, and any `arn:` text.
 * @returns The arbitrary.
 */
export function taskArn(): fc.Arbitrary<string> {
  const realistic = fc
    .tuple(
      fc.string({ unit: charOf('0123456789'), minLength: 12, maxLength: 12 }),
      catalog(),
      prefixedId('task-', LOWER_ALNUM, 13),
    )
    .map(
      ([account, cat, id]) =>
        `arn:aws:partnercentral:us-east-1:${account}:catalog/${cat}/engagement-by-accepting-invitation-task/${id}`,
    )
  return fc.oneof(
    { weight: 3, arbitrary: realistic },
    {
      weight: 1,
      arbitrary: fc
        .string({ maxLength: 40 })
        .map((rest) => `arn:${rest.replace(/[\n\r\u2028\u2029]/g, '')}`),
    },
  )
}

/**
 * Valid `OpportunityId` values: `O` and 1..19 digits, 1 and 19 often.
 * @returns The arbitrary.
 */
export function opportunityId(): fc.Arbitrary<string> {
  return sizedString({ alphabet: alphabetOf('0123456789'), minLength: 1, maxLength: 19 }).map(
    (digits) => `O${digits}`,
  )
}

/**
 * Valid `ResourceSnapshotJobId` values: `job-` and 13 lowercase letters or digits.
 * @returns The arbitrary.
 */
export function resourceSnapshotJobId(): fc.Arbitrary<string> {
  return prefixedId('job-', LOWER_ALNUM, 13)
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

/**
 * Valid `StartTime` values: RFC 3339 with a `T`, with and without fractional seconds (1..9 digits),
 * with `Z`, lowercase `z` or an offset.
 * @returns The arbitrary.
 */
export function startTime(): fc.Arbitrary<string> {
  return fc
    .record({
      ms: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }),
      fraction: fc.oneof(
        fc.constant(''),
        fc.string({ unit: charOf('0123456789'), minLength: 1, maxLength: 9 }).map((d) => `.${d}`),
      ),
      offsetMinutes: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.integer({ min: -12 * 60, max: 14 * 60 }) },
      ),
      lower: fc.boolean(),
    })
    .map(({ ms, fraction, offsetMinutes, lower }) => {
      const local = new Date(ms + offsetMinutes * 60_000)
      const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
      const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
      const sign = offsetMinutes < 0 ? '-' : '+'
      const abs = Math.abs(offsetMinutes)
      const zone =
        offsetMinutes === 0
          ? lower
            ? 'z'
            : 'Z'
          : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
      return `${date}${lower ? 't' : 'T'}${time}${fraction}${zone}`
    })
}

/**
 * Valid `TaskStatus` values.
 * @returns The arbitrary.
 */
export function taskStatus(): fc.Arbitrary<TaskStatus> {
  return fc.constantFrom(...TASK_STATUSES)
}

/** Constraints of {@link reasonCode}. */
export interface ReasonCodeConstraints {
  /**
   * The revision whose ReasonCodes to draw from.
   * @defaultValue '2025-12'
   */
  readonly revision?: string
}

/**
 * Valid `ReasonCode` values of a revision, each equally likely.
 * @param constraints The revision.
 * @returns The arbitrary.
 */
export function reasonCode(constraints: ReasonCodeConstraints = {}): fc.Arbitrary<ReasonCode> {
  return fc.constantFrom(...resolveRevision(constraints.revision).reasonCodes)
}
