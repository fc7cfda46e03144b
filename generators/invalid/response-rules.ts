/**
 * Rules of the StartEngagementByAcceptingInvitationTask output, with values that break them: what a
 * malformed or future response may carry.
 */
import fc from 'fast-check'
import { REASON_CODES } from '../../src/model/reason-codes.js'
import { LOWER_ALNUM, prefixedId } from '../sized-string.js'
import { oneOfValues, valuesOf, wrongTypeRules, type RuleDefinition } from './rule.js'

const ISF = 'INVALID_STRING_FORMAT' as const

function rule(member: string, name: string, code: RuleDefinition['expectedCode'], description: string, values: RuleDefinition['values'], revisions?: RuleDefinition['revisions']): RuleDefinition {
  return { shape: 'response', member, rule: name, expectedCode: code, description, values, ...(revisions === undefined ? {} : { revisions }) }
}

/** The rules of the Start output. */
export const RESPONSE_RULES: readonly RuleDefinition[] = [
  rule('TaskId', 'bad-id', ISF, 'a TaskId that does not end in task- and 13 characters', () => valuesOf(fc.oneof(prefixedId('task-', LOWER_ALNUM, 12), prefixedId('task-', LOWER_ALNUM, 14), prefixedId('TASK-', LOWER_ALNUM, 13), fc.constant('')))),
  ...wrongTypeRules('response', 'TaskId'),
  rule('TaskArn', 'not-an-arn', ISF, 'a TaskArn without arn:', () => oneOfValues('task-0123456789abc', 'ARN:aws', '')),
  rule('StartTime', 'epoch-number', 'INVALID_VALUE', 'StartTime as epoch seconds (the SDK throws TypeError)', () => valuesOf(fc.integer({ min: 1_577_836_800, max: 2_082_758_400 }))),
  rule('StartTime', 'date-only', ISF, 'a date without a time', () => oneOfValues('2026-09-03')),
  rule('StartTime', 'space-separator', ISF, 'a space instead of T', () => oneOfValues('2026-09-03 10:11:12Z')),
  rule('StartTime', 'no-time-zone', ISF, 'no time zone', () => oneOfValues('2026-09-03T10:11:12', '2026-09-03T10:11:12.345')),
  rule('StartTime', 'impossible-date', ISF, 'a date that does not exist', () => oneOfValues('2026-02-30T10:11:12Z', '2026-13-01T00:00:00Z')),
  rule('TaskStatus', 'unknown-status', 'INVALID_ENUM_VALUE', 'a TaskStatus the model does not have', () => oneOfValues('CANCELLED', 'PENDING', 'in_progress', '')),
  ...wrongTypeRules('response', 'TaskStatus'),
  rule('ReasonCode', 'unknown-future', 'INVALID_ENUM_VALUE', 'a ReasonCode from the future', () => oneOfValues('FutureReasonCode', 'OpportunityArchived', 'invitationAccessDenied')),
  rule('ReasonCode', 'newer-revision', 'INVALID_ENUM_VALUE', 'a 2025-12 ReasonCode under the reference revision', (revision) => valuesOf(fc.constantFrom(...REASON_CODES.filter((code) => !revision.reasonCodes.includes(code)))), ['reference']),
  rule('OpportunityId', 'bad-id', ISF, 'an OpportunityId that is not O and 1..19 digits', () => oneOfValues('O', 'O12345678901234567890', 'o123', 'O12a', 'opp-123')),
  rule('ResourceSnapshotJobId', 'bad-id', ISF, 'a ResourceSnapshotJobId that is not job- and 13 characters', () => valuesOf(fc.oneof(prefixedId('job-', LOWER_ALNUM, 12), prefixedId('JOB-', LOWER_ALNUM, 13)))),
  rule('EngagementInvitationId', 'bad-id', ISF, 'an EngagementInvitationId that is not engi- and 13 characters', () => oneOfValues('engi-0123456789ABC', 'ENGI-0123456789abc', 'engi-0123456789ab')),
  rule('Message', 'wrong-type-number', 'INVALID_VALUE', 'a Message that is not a string', () => oneOfValues(42, { text: 'x' })),
  rule('Surprise', 'unknown-member', 'INVALID_VALUE', 'a member the model does not have (a client must ignore it)', () => valuesOf(fc.jsonValue({ maxDepth: 1 }))),
]
