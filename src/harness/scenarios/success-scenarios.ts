/**
 * Scenarios where the service accepts the call: IN_PROGRESS, an immediate COMPLETE, an input without
 * ClientToken, unknown extra fields, and polling to COMPLETE and to FAILED.
 */
import type { Revision } from '../../model/revisions.js'
import type { ScenarioDefinition } from '../scenario.js'
import { inputFor, startScript } from './script-of.js'

/**
 * The success scenarios.
 * @returns The scenarios.
 */
export function successScenarios(revision: Revision): ScenarioDefinition[] {
  const { ClientToken: _token, ...withoutToken } = inputFor('success.no-client-token')
  const withTags = (revision.requestMembers as readonly string[]).includes('Tags')
  const scenarios: ScenarioDefinition[] = [
    {
      id: 'success.in-progress',
      title: 'Start answers IN_PROGRESS',
      tags: ['success'],
      input: inputFor('success.in-progress'),
      expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 1 },
      why: 'The usual answer: the task runs asynchronously (service-facts §6).',
    },
    {
      id: 'success.complete',
      title: 'Start answers COMPLETE at once, with OpportunityId and ResourceSnapshotJobId',
      tags: ['success'],
      input: inputFor('success.complete'),
      script: startScript([], { kind: 'task', status: 'COMPLETE' }),
      expect: { kind: 'result', taskStatus: 'COMPLETE', attempts: 1 },
      why: 'A task may already be COMPLETE in the Start response.',
    },
    {
      id: 'success.no-client-token',
      title: 'The input has no ClientToken: the client generates one',
      tags: ['success', 'idempotency'],
      input: withoutToken,
      expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 1 },
      why: 'ClientToken is an idempotency token: SDKs fill it in when the caller gives none.',
    },
    {
      id: 'success.with-tags',
      title: 'The input has Tags: the client sends them as given',
      tags: ['success'],
      input: {
        ...inputFor('success.with-tags'),
        Tags: [
          { Key: 'team', Value: 'alliances' },
          { Key: 'cost-center', Value: '42' },
        ],
      },
      expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 1 },
      why: 'Tags (2025-12) are applied to the opportunity the task creates; a client must not drop or change them.',
    },
    {
      id: 'success.extra-fields',
      title: 'The response has members the model does not know',
      tags: ['success', 'malformed'],
      input: inputFor('success.extra-fields'),
      script: startScript([], {
        kind: 'extra-fields',
        fields: { FutureMember: 'x', Nested: { Deep: [1, 2] } },
      }),
      expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 1 },
      why: 'Services add output members without a new API version; clients must ignore them.',
    },
    {
      id: 'polling.complete',
      title:
        'A polling client follows the task to COMPLETE with ListEngagementByAcceptingInvitationTasks',
      tags: ['polling'],
      input: inputFor('polling.complete'),
      pollsInProgress: 2,
      expect: { kind: 'result', taskStatus: 'COMPLETE', attempts: 1, polled: true },
      requiresPolling: true,
      why: 'The task ends later; clients that poll must see it end.',
    },
    {
      id: 'polling.failed',
      title:
        'A polling client follows the task of an EXPIRED invitation to FAILED with its ReasonCode',
      tags: ['polling', 'failed-task'],
      input: inputFor('polling.failed', 'engi-expired000001'),
      pollsInProgress: 2,
      expect: {
        kind: 'result',
        taskStatus: 'FAILED',
        reasonCode: 'InvitationValidationFailed',
        attempts: 1,
        polled: true,
      },
      requiresPolling: true,
      why: 'An expired invitation makes the task fail with InvitationValidationFailed once it ends.',
    },
  ]
  return scenarios.filter((scenario) => withTags || scenario.id !== 'success.with-tags')
}
