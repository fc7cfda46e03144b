import { describe, expect, it } from 'vitest'
import { assertValidResponse, validateResponse } from '../../src/validators/validate-response.js'
import { REASON_CODES } from '../../src/model/reason-codes.js'
import { REVISIONS } from '../../src/model/revisions.js'
import { expectIssue, expectValid } from '../helpers/expect-issue.js'

const complete = {
  TaskId: 'task-0123456789abc',
  TaskArn:
    'arn:aws:partnercentral:us-east-1:123456789012:catalog/Sandbox/engagement-by-accepting-invitation-task/task-0123456789abc',
  StartTime: '2026-09-03T10:11:12.345Z',
  TaskStatus: 'COMPLETE',
  OpportunityId: 'O1234567',
  ResourceSnapshotJobId: 'job-0123456789abc',
  EngagementInvitationId: 'engi-0123456789abc',
}

describe('validateResponse', () => {
  it('accepts a COMPLETE response and an empty one (every member is optional)', () => {
    expectValid(validateResponse(complete))
    expectValid(validateResponse({}))
  })

  it.each([['task-0123456789abc'], ['x-task-0123456789abc'], ['anything/task-zzzzzzzzzzzzz']])(
    'accepts TaskId %j (the model pattern has no leading ^)',
    (TaskId) => {
      expectValid(validateResponse({ TaskId }))
    },
  )

  it.each([['task-0123456789ab'], ['task-0123456789abcd'], ['task-0123456789ABC'], ['']])(
    'rejects TaskId %j',
    (TaskId) => {
      expectIssue(validateResponse({ TaskId }), 'TaskId', 'INVALID_STRING_FORMAT')
    },
  )

  it.each([
    ['2026-09-03T10:11:12.345Z'],
    ['2026-09-03T10:11:12Z'],
    ['2026-09-03T10:11:12+02:00'],
    ['2026-09-03T10:11:12.1-05:30'],
  ])('accepts StartTime %j (RFC 3339)', (StartTime) => {
    expectValid(validateResponse({ StartTime }))
  })

  it.each([['2026-09-03'], ['2026-09-03 10:11:12Z'], ['2026-09-03T10:11:12'], ['yesterday']])(
    'rejects StartTime %j',
    (StartTime) => {
      expectIssue(validateResponse({ StartTime }), 'StartTime', 'INVALID_STRING_FORMAT')
    },
  )

  it('rejects StartTime as an epoch number (the SDK throws TypeError on it)', () => {
    expectIssue(validateResponse({ StartTime: 1_788_000_000 }), 'StartTime', 'INVALID_VALUE')
  })

  it.each([['arn:aws:x'], ['arn:']])('accepts TaskArn %j', (TaskArn) => {
    expectValid(validateResponse({ TaskArn }))
  })

  it('rejects a TaskArn without arn:', () => {
    expectIssue(
      validateResponse({ TaskArn: 'task-0123456789abc' }),
      'TaskArn',
      'INVALID_STRING_FORMAT',
    )
  })

  it.each(['IN_PROGRESS', 'COMPLETE', 'FAILED'])('accepts TaskStatus %s', (TaskStatus) => {
    expectValid(validateResponse({ TaskStatus }))
  })

  it.each([['in_progress'], ['CANCELLED'], ['']])('rejects TaskStatus %j', (TaskStatus) => {
    expectIssue(validateResponse({ TaskStatus }), 'TaskStatus', 'INVALID_ENUM_VALUE')
  })

  it.each(REASON_CODES.map((code) => [code]))('accepts ReasonCode %s in 2025-12', (ReasonCode) => {
    expectValid(validateResponse({ TaskStatus: 'FAILED', ReasonCode, Message: 'm' }))
  })

  it('rejects the three 2025-12 ReasonCodes under the reference revision and accepts the other 19', () => {
    // Arrange
    const reference = REVISIONS.reference.reasonCodes
    const added = REASON_CODES.filter((code) => !reference.includes(code))
    // Act + Assert
    expect(reference).toHaveLength(19)
    expect(added).toEqual([
      'ContextNotFound',
      'CustomerProjectContextNotPermitted',
      'DisqualifiedLeadNotPermitted',
    ])
    for (const ReasonCode of reference)
      expectValid(validateResponse({ ReasonCode }, { revision: 'reference' }))
    for (const ReasonCode of added) {
      expectIssue(
        validateResponse({ ReasonCode }, { revision: 'reference' }),
        'ReasonCode',
        'INVALID_ENUM_VALUE',
      )
    }
  })

  it('rejects an unknown future ReasonCode', () => {
    expectIssue(
      validateResponse({ ReasonCode: 'SomethingNew' }),
      'ReasonCode',
      'INVALID_ENUM_VALUE',
    )
  })

  it.each([['O1'], ['O1234567890123456789']])('accepts OpportunityId %j', (OpportunityId) => {
    expectValid(validateResponse({ OpportunityId }))
  })

  it.each([['O'], ['O12345678901234567890'], ['o123'], ['O12a']])(
    'rejects OpportunityId %j',
    (OpportunityId) => {
      expectIssue(validateResponse({ OpportunityId }), 'OpportunityId', 'INVALID_STRING_FORMAT')
    },
  )

  it('accepts ResourceSnapshotJobId job- plus 13 and rejects 12', () => {
    expectValid(validateResponse({ ResourceSnapshotJobId: 'job-0123456789abc' }))
    expectIssue(
      validateResponse({ ResourceSnapshotJobId: 'job-0123456789ab' }),
      'ResourceSnapshotJobId',
      'INVALID_STRING_FORMAT',
    )
  })

  it('accepts a literal comma in EngagementInvitationId, as the model does', () => {
    expectValid(validateResponse({ EngagementInvitationId: 'engi-0123,56789abc' }))
    expectValid(validateResponse({ EngagementInvitationId: 'engi-,,,,,,,,,,,,,' }))
  })

  it.each([['engi-0123456789ABC'], ['engi-0123456789ab'], ['ENGI-0123456789abc']])(
    'rejects EngagementInvitationId %j',
    (EngagementInvitationId) => {
      expectIssue(
        validateResponse({ EngagementInvitationId }),
        'EngagementInvitationId',
        'INVALID_STRING_FORMAT',
      )
    },
  )

  it('rejects unknown members', () => {
    expectIssue(validateResponse({ ...complete, Surprise: true }), 'Surprise', 'INVALID_VALUE')
  })

  it('asserts with a ContractValidationError', () => {
    expect(() => {
      assertValidResponse({ TaskStatus: 'DONE' })
    }).toThrow(/TaskStatus/)
    expect(() => {
      assertValidResponse(complete)
    }).not.toThrow()
  })
})
