import { describe, it } from 'vitest'
import { validateListRequest, validateListResponse } from '../../src/validators/validate-list.js'
import { expectIssue, expectValid } from '../helpers/expect-issue.js'

describe('validateListRequest', () => {
  it('accepts a polling request and a full one', () => {
    expectValid(validateListRequest({ Catalog: 'AWS', TaskIdentifier: ['task-0123456789abc'] }))
    expectValid(
      validateListRequest({
        Catalog: 'Sandbox',
        MaxResults: 1000,
        NextToken: 'line\nbreaks are fine here',
        Sort: { SortOrder: 'DESCENDING', SortBy: 'StartTime' },
        TaskStatus: ['IN_PROGRESS', 'COMPLETE', 'FAILED'],
        OpportunityIdentifier: ['O1'],
        EngagementInvitationIdentifier: ['engi-0123456789abc', 'arn:aws:x'],
        TaskIdentifier: ['arn:aws:task', 'task-0123456789abc'],
      }),
    )
  })

  it.each([
    [{ MaxResults: 0 }, 'MaxResults', 'VALUE_OUT_OF_RANGE'],
    [{ MaxResults: 1001 }, 'MaxResults', 'VALUE_OUT_OF_RANGE'],
    [{ MaxResults: 1.5 }, 'MaxResults', 'INVALID_VALUE'],
    [{ NextToken: '' }, 'NextToken', 'INVALID_STRING_FORMAT'],
    [{ NextToken: 'n'.repeat(2049) }, 'NextToken', 'INVALID_STRING_FORMAT'],
    [{ Sort: { SortOrder: 'UP', SortBy: 'StartTime' } }, 'Sort.SortOrder', 'INVALID_ENUM_VALUE'],
    [{ Sort: { SortOrder: 'ASCENDING', SortBy: 'Name' } }, 'Sort.SortBy', 'INVALID_ENUM_VALUE'],
    [{ Sort: { SortOrder: 'ASCENDING' } }, 'Sort.SortBy', 'REQUIRED_FIELD_MISSING'],
    [{ TaskStatus: [] }, 'TaskStatus', 'NOT_ENOUGH_VALUES'],
    [
      { TaskStatus: ['IN_PROGRESS', 'COMPLETE', 'FAILED', 'FAILED'] },
      'TaskStatus',
      'TOO_MANY_VALUES',
    ],
    [{ TaskStatus: ['DONE'] }, 'TaskStatus[0]', 'INVALID_ENUM_VALUE'],
    [
      { TaskIdentifier: Array.from({ length: 11 }, () => 'task-0123456789abc') },
      'TaskIdentifier',
      'TOO_MANY_VALUES',
    ],
    [{ TaskIdentifier: ['x-task-0123456789abc'] }, 'TaskIdentifier[0]', 'INVALID_STRING_FORMAT'],
    [{ OpportunityIdentifier: ['opp-1'] }, 'OpportunityIdentifier[0]', 'INVALID_STRING_FORMAT'],
    [
      { EngagementInvitationIdentifier: ['engi-short'] },
      'EngagementInvitationIdentifier[0]',
      'INVALID_STRING_FORMAT',
    ],
  ] as const)('rejects %j on %s with %s', (extra, field, code) => {
    expectIssue(validateListRequest({ Catalog: 'AWS', ...extra }), field, code)
  })

  it('requires Catalog', () => {
    expectIssue(
      validateListRequest({ TaskIdentifier: ['task-0123456789abc'] }),
      'Catalog',
      'REQUIRED_FIELD_MISSING',
    )
  })
})

describe('validateListResponse', () => {
  it('accepts summaries with the Start output members', () => {
    expectValid(
      validateListResponse({
        TaskSummaries: [
          {
            TaskId: 'task-0123456789abc',
            TaskStatus: 'FAILED',
            ReasonCode: 'InvitationValidationFailed',
            Message: 'expired',
          },
        ],
        NextToken: 'next',
      }),
    )
  })

  it('checks each summary with the Start output constraints', () => {
    expectIssue(
      validateListResponse({ TaskSummaries: [{ TaskStatus: 'DONE' }] }),
      'TaskSummaries[0].TaskStatus',
      'INVALID_ENUM_VALUE',
    )
    expectIssue(
      validateListResponse({ TaskSummaries: [{ Extra: 1 }] }),
      'TaskSummaries[0].Extra',
      'INVALID_VALUE',
    )
  })
})
