import fc from 'fast-check'
import { engagementInvitationId } from './engagement-invitation-id.js'
import { invitationArn } from './invitation-arn.js'

/**
 * Valid request `Identifier` values: an invitation id or an ARN.
 * @returns The arbitrary.
 */
export function identifier(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: engagementInvitationId() },
    { weight: 1, arbitrary: invitationArn() },
  )
}
