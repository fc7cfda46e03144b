/**
 * Rules of the StartEngagementByAcceptingInvitationTask output, with values that break them: what a
 * malformed or future response may carry.
 */
import fc from 'fast-check'
import { REASON_CODES } from '../../src/model/reason-codes.js'
import { LOWER_ALNUM, prefixedId } from '../sized-string.js'
import { oneOfValues, valuesOf, wrongTypeRules, type RuleDefinition } from './rule.js'

const ISF = 'INVALID_STRING_FORMAT' as const

function rule(
  member: string,
  name: string,
  code: RuleDefinition['expectedCode'],
  description: string,
  values: RuleDefinition['values'],
  revisions?: RuleDefinition['revisions'],
): RuleDefinition {
  return {
    shape: 'response',
    member,
    rule: name,
    expectedCode: code,
    description,
    values,
    ...(revisions === undefined ? {} : { revisions }),
  }
}

/** Breakers every id-like string member gets: empty, spaces, look-alikes, invisible and control characters. */
function idBreakers(member: string, valid: string): RuleDefinition[] {
  const at = Math.min(6, valid.length - 1)
  const insert = (char: string): string => `${valid.slice(0, at)}${char}${valid.slice(at)}`
  return [
    rule(member, 'empty', ISF, `an empty ${member}`, () => oneOfValues('')),
    // Trailing only: TaskId's pattern has no `^`, so a leading space is valid there.
    rule(member, 'trailing-space', ISF, `a trailing space after ${member}`, () =>
      oneOfValues(`${valid} `),
    ),
    rule(member, 'lookalike', ISF, `a Cyrillic look-alike letter in ${member}`, () =>
      oneOfValues(
        valid.replace(
          /[aeoOcpx]/,
          (c) => ({ a: 'а', e: 'е', o: 'о', O: 'О', c: 'с', p: 'р', x: 'х' })[c] ?? c,
        ),
      ),
    ),
    rule(member, 'zero-width-space', ISF, `a zero-width space in ${member}`, () =>
      oneOfValues(insert('\u200b')),
    ),
    rule(member, 'newline', ISF, `a newline in ${member}`, () =>
      oneOfValues(insert('\n'), `${valid}\n`),
    ),
    rule(member, 'nul', ISF, `a NUL in ${member}`, () => oneOfValues(insert('\u0000'))),
  ]
}

/** The rules of the Start output. */
export const RESPONSE_RULES: readonly RuleDefinition[] = [
  ...idBreakers('TaskId', 'task-0123456789abc'),
  ...idBreakers('OpportunityId', 'O1234567'),
  ...idBreakers('ResourceSnapshotJobId', 'job-0123456789abc'),
  ...idBreakers('EngagementInvitationId', 'engi-0123456789abc'),
  ...wrongTypeRules('response', 'TaskArn'),
  ...wrongTypeRules('response', 'OpportunityId'),
  ...wrongTypeRules('response', 'ResourceSnapshotJobId'),
  ...wrongTypeRules('response', 'EngagementInvitationId'),
  ...wrongTypeRules('response', 'ReasonCode'),
  ...wrongTypeRules('response', 'StartTime', ['wrong-type-number']),
  rule('StartTime', 'empty', ISF, 'an empty StartTime', () => oneOfValues('')),
  rule('TaskId', 'bad-id', ISF, 'a TaskId that does not end in task- and 13 characters', () =>
    valuesOf(
      fc.oneof(
        prefixedId('task-', LOWER_ALNUM, 12),
        prefixedId('task-', LOWER_ALNUM, 14),
        prefixedId('TASK-', LOWER_ALNUM, 13),
        fc.constant(''),
      ),
    ),
  ),
  ...wrongTypeRules('response', 'TaskId'),
  rule('TaskArn', 'not-an-arn', ISF, 'a TaskArn without arn:', () =>
    oneOfValues('task-0123456789abc', 'ARN:aws', ''),
  ),
  rule(
    'StartTime',
    'epoch-number',
    'INVALID_VALUE',
    'StartTime as epoch seconds (the SDK throws TypeError)',
    () => valuesOf(fc.integer({ min: 1_577_836_800, max: 2_082_758_400 })),
  ),
  rule('StartTime', 'date-only', ISF, 'a date without a time', () => oneOfValues('2026-09-03')),
  rule('StartTime', 'space-separator', ISF, 'a space instead of T', () =>
    oneOfValues('2026-09-03 10:11:12Z'),
  ),
  rule('StartTime', 'no-time-zone', ISF, 'no time zone', () =>
    oneOfValues('2026-09-03T10:11:12', '2026-09-03T10:11:12.345'),
  ),
  rule('StartTime', 'impossible-date', ISF, 'a date that does not exist', () =>
    oneOfValues('2026-02-30T10:11:12Z', '2026-13-01T00:00:00Z'),
  ),
  rule(
    'TaskStatus',
    'unknown-status',
    'INVALID_ENUM_VALUE',
    'a TaskStatus the model does not have',
    () => oneOfValues('CANCELLED', 'PENDING', 'in_progress', ''),
  ),
  ...wrongTypeRules('response', 'TaskStatus'),
  rule('ReasonCode', 'unknown-future', 'INVALID_ENUM_VALUE', 'a ReasonCode from the future', () =>
    oneOfValues('FutureReasonCode', 'OpportunityArchived', 'invitationAccessDenied'),
  ),
  rule(
    'ReasonCode',
    'newer-revision',
    'INVALID_ENUM_VALUE',
    'a 2025-12 ReasonCode under the reference revision',
    (revision) =>
      valuesOf(
        fc.constantFrom(...REASON_CODES.filter((code) => !revision.reasonCodes.includes(code))),
      ),
    ['reference'],
  ),
  rule('OpportunityId', 'bad-id', ISF, 'an OpportunityId that is not O and 1..19 digits', () =>
    oneOfValues('O', 'O12345678901234567890', 'o123', 'O12a', 'opp-123'),
  ),
  rule(
    'ResourceSnapshotJobId',
    'bad-id',
    ISF,
    'a ResourceSnapshotJobId that is not job- and 13 characters',
    () =>
      valuesOf(fc.oneof(prefixedId('job-', LOWER_ALNUM, 12), prefixedId('JOB-', LOWER_ALNUM, 13))),
  ),
  rule(
    'EngagementInvitationId',
    'bad-id',
    ISF,
    'an EngagementInvitationId that is not engi- and 13 characters',
    () => oneOfValues('engi-0123456789ABC', 'ENGI-0123456789abc', 'engi-0123456789ab'),
  ),
  ...wrongTypeRules('response', 'Message'),
  rule(
    'Surprise',
    'unknown-member',
    'INVALID_VALUE',
    'a member the model does not have (a client must ignore it)',
    () => valuesOf(fc.jsonValue({ maxDepth: 1 })),
  ),
]
