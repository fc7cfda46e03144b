/**
 * Pact matchers from the model: every pattern comes from `model/constraints.ts` (rewritten where Pact's
 * Rust regex engine lacks a feature), never literal-only bodies.
 */
import { MatchersV3 } from '@pact-foundation/pact'
import { SERVICE } from '../model/operation.js'
import { STRING_CONSTRAINTS, type StringShapeName } from '../model/constraints.js'
import { ERROR_INFO } from '../model/errors.js'
import type { PactAnswer, PactInteraction } from './pact-interactions.js'

const { regex, like, eachLike } = MatchersV3

/**
 * A model pattern in the form Pact's regex engine (Rust `regex`) accepts: a leading length lookahead
 * `(?=.{a,b}$)` is dropped (Rust has no lookaround; the length is the contract's, checked by the
 * validators).
 * @param shape A string shape.
 * @returns The pattern.
 */
export function pactPattern(shape: StringShapeName): string {
  return STRING_CONSTRAINTS[shape].pattern.replace(/^\^\(\?=\.\{\d+,\d+\}\$\)/, '^')
}

function matching(shape: StringShapeName, example: string): unknown {
  return regex(pactPattern(shape), example)
}

/** `Content-Type` of awsJson1_0, as a regex (Pact's `jsonBody` would set `application/json`). */
export function contentTypeMatcher(): ReturnType<typeof regex> {
  return regex(`^${SERVICE.contentType.replace(/[.]/g, '\\.')}$`, SERVICE.contentType)
}

/**
 * The request body matcher of an interaction.
 * @param input The example input.
 * @returns The body with matchers.
 */
export function requestBody(input: PactInteraction['input']): Record<string, unknown> {
  return {
    Catalog: matching('CatalogIdentifier', input.Catalog),
    Identifier: matching('EngagementInvitationArnOrIdentifier', input.Identifier),
    ClientToken: matching('ClientToken', input.ClientToken),
  }
}

const EXAMPLE_TASK_ID = 'task-0123456789abc'

/**
 * The response body matcher of an answer.
 * @param answer The answer.
 * @returns The body with matchers.
 */
export function responseBody(answer: PactAnswer): Record<string, unknown> {
  if (answer.kind === 'task') {
    return {
      TaskId: matching('TaskIdentifier', EXAMPLE_TASK_ID),
      TaskArn: matching(
        'TaskArn',
        `arn:aws:partnercentral:us-east-1:123456789012:catalog/Sandbox/engagement-by-accepting-invitation-task/${EXAMPLE_TASK_ID}`,
      ),
      StartTime: matching('DateTime', '2026-11-26T10:00:00.000Z'),
      TaskStatus: answer.taskStatus,
      EngagementInvitationId: matching('EngagementInvitationIdentifier', 'engi-0123456789abc'),
      ...(answer.taskStatus === 'COMPLETE'
        ? {
            OpportunityId: matching('OpportunityIdentifier', 'O1234567890'),
            ResourceSnapshotJobId: matching('ResourceSnapshotJobIdentifier', 'job-0123456789abc'),
          }
        : {}),
      ...(answer.taskStatus === 'FAILED'
        ? { ReasonCode: answer.reasonCode, Message: like('The task failed.') }
        : {}),
    }
  }
  const members: Record<string, unknown> = {
    __type: regex(
      `^(?:[^#:,]*#)?${answer.name}(?:[:,].*)?$`,
      `${SERVICE.namespace}#${answer.name}`,
    ),
    Message: like(ERROR_INFO[answer.name].summary),
  }
  if (answer.name === 'ValidationException') {
    members.Reason = regex(
      '^(REQUEST_VALIDATION_FAILED|BUSINESS_VALIDATION_FAILED)$',
      'BUSINESS_VALIDATION_FAILED',
    )
    members.ErrorList = eachLike({
      Message: like('The invitation is not in a state that can be accepted.'),
      Code: like('INVALID_RESOURCE_STATE'),
    })
  }
  if (answer.name === 'AccessDeniedException')
    members.Reason = regex(
      '^INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE$',
      'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
    )
  return members
}
