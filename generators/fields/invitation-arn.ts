import fc from 'fast-check'
import { catalog } from './catalog.js'
import { engagementInvitationId } from './engagement-invitation-id.js'
import { DOT_ALPHABET, sizedString } from '../sized-string.js'

/**
 * Valid ARN identifiers (`arn:` then anything without line terminators, 255 characters in all at most):
 * realistic invitation ARNs, and any ARN-shaped text with lengths 4 and 255 often.
 * @returns The arbitrary.
 */
export function invitationArn(): fc.Arbitrary<string> {
  const realistic = fc
    .tuple(catalog(), engagementInvitationId())
    .map(
      ([cat, id]) => `arn:aws:partnercentral:us-east-1::catalog/${cat}/engagement-invitation/${id}`,
    )
  const any = sizedString({ alphabet: DOT_ALPHABET, minLength: 0, maxLength: 251 }).map(
    (rest) => `arn:${rest}`,
  )
  return fc.oneof({ weight: 1, arbitrary: realistic }, { weight: 2, arbitrary: any })
}
