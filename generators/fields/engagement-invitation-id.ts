import type fc from 'fast-check'
import { LOWER_ALNUM, prefixedId } from '../sized-string.js'

/**
 * Valid invitation ids for a request `Identifier`: `engi-` and 13 lowercase letters or digits.
 * @returns The arbitrary.
 */
export function engagementInvitationId(): fc.Arbitrary<string> {
  return prefixedId('engi-', LOWER_ALNUM, 13)
}

/**
 * Valid `EngagementInvitationId` values of a response: the model's class also has a literal comma.
 * @returns The arbitrary.
 */
export function responseEngagementInvitationId(): fc.Arbitrary<string> {
  return prefixedId('engi-', `${LOWER_ALNUM},`, 13)
}
