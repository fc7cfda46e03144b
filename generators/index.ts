/**
 * fast-check arbitraries of valid and invalid StartEngagementByAcceptingInvitationTask values: fields,
 * whole requests, responses and errors. Each invalid value says which rule it breaks.
 * @example
 * import fc from 'fast-check'
 * import { validRequest, invalidRequest } from 'engagement-contract-kit/generators'
 * fc.assert(fc.property(validRequest(), (input) => myClientAccepts(input)))
 * @module
 */
export { catalog } from './fields/catalog.js'
export { clientToken } from './fields/client-token.js'
export {
  engagementInvitationId,
  responseEngagementInvitationId,
} from './fields/engagement-invitation-id.js'
export { invitationArn } from './fields/invitation-arn.js'
export { identifier } from './fields/identifier.js'
export { tags, tagKey, tagValue } from './fields/tags.js'
export {
  taskId,
  taskArn,
  opportunityId,
  resourceSnapshotJobId,
  startTime,
  taskStatus,
  reasonCode,
} from './fields/response-fields.js'
export { validRequest } from './valid-request.js'
export { invalidRequest, applyViolations } from './invalid-request.js'
export { invalidValue, rulesFor } from './invalid-value.js'
export { validResponse } from './valid-response.js'
export { errorResponse } from './error-response.js'
export { sizedString } from './sized-string.js'
export {
  generateSamples,
  sampleArbitrary,
  SAMPLE_KINDS,
  SAMPLE_FIELDS,
} from './generate-samples.js'

export type { CatalogConstraints } from './fields/catalog.js'
export type { ClientTokenConstraints } from './fields/client-token.js'
export type { ReasonCodeConstraints } from './fields/response-fields.js'
export type { ValidRequestConstraints } from './valid-request.js'
export type { InvalidRequest, InvalidRequestConstraints } from './invalid-request.js'
export type { InvalidValueConstraints } from './invalid-value.js'
export type { InvalidValue, RuleDefinition } from './invalid/rule.js'
export type { ValidResponseConstraints } from './valid-response.js'
export type { WireError, ErrorResponseConstraints } from './error-response.js'
export type { SizedStringConstraints } from './sized-string.js'
export type { GenerateSamplesOptions, SampleKind } from './generate-samples.js'
