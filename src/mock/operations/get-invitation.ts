/**
 * GetEngagementInvitation: the invitation and its current status (what a client reads before or after
 * accepting).
 */
import { invitationArnOf } from '../invitations.js'
import { jsonResponse } from '../responses.js'
import { modelledError, validationError, type OperationHandler } from './operation-context.js'

/** The GetEngagementInvitation operation. */
export const getInvitation: OperationHandler = (input, { revision, store }) => {
  const missing = ['Catalog', 'Identifier'].filter((member) => typeof input[member] !== 'string')
  if (missing.length > 0) {
    return {
      response: validationError(
        revision,
        missing.map((member) => ({
          FieldName: member,
          Message: `${member} is required.`,
          Code: 'REQUIRED_FIELD_MISSING' as const,
          path: [member],
          keyword: 'required',
          value: undefined,
        })),
      ),
    }
  }
  const invitation = store.findInvitation(String(input.Catalog), String(input.Identifier))
  if (invitation === undefined) {
    return {
      response: modelledError(
        revision,
        'ResourceNotFoundException',
        `Engagement invitation ${String(input.Identifier)} was not found in catalog ${String(input.Catalog)}.`,
      ),
    }
  }
  return {
    response: jsonResponse({
      Arn: invitationArnOf(invitation),
      Catalog: invitation.catalog,
      Id: invitation.id,
      Status: invitation.status,
      ExpirationDate: invitation.expirationDate,
      PayloadType: 'OpportunityInvitation',
    }),
  }
}
