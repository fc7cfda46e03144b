/**
 * StartEngagementByAcceptingInvitationTask: validates the input, then starts (or, for the same
 * ClientToken and parameters, returns) the task that accepts the invitation.
 */
import { validateRequest } from '../../validators/validate-request.js'
import { jsonResponse } from '../responses.js'
import { modelledError, validationError, type OperationHandler } from './operation-context.js'

/** The Start operation. */
export const startTask: OperationHandler = (input, { revision, store, caller, step }) => {
  const issues = validateRequest(input, { revision: revision.id }).issues
  if (issues.length > 0) return { response: validationError(revision, issues) }
  const catalog = String(input.Catalog)
  const identifier = String(input.Identifier)
  const override =
    step.kind === 'task'
      ? {
          status: step.status,
          ...(step.reasonCode === undefined ? {} : { reasonCode: step.reasonCode }),
          ...(step.message === undefined ? {} : { message: step.message }),
        }
      : undefined
  const result = store.start(
    {
      caller,
      catalog,
      identifier,
      token: String(input.ClientToken),
      fingerprint: JSON.stringify([identifier, input.Tags ?? null]),
    },
    override,
  )
  if (result.kind === 'not-found') {
    return {
      response: modelledError(
        revision,
        'ResourceNotFoundException',
        `Engagement invitation ${identifier} was not found in catalog ${catalog}.`,
      ),
    }
  }
  if (result.kind === 'token-conflict') {
    return {
      response: modelledError(
        revision,
        'ConflictException',
        `ClientToken ${JSON.stringify(String(input.ClientToken))} was already used with other parameters; use a new ClientToken for a new request.`,
      ),
    }
  }
  return { response: jsonResponse(store.view(result.task)), task: result.task }
}
