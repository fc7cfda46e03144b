/**
 * Pact for StartEngagementByAcceptingInvitationTask: the model's interactions and matchers, the pact a
 * client satisfies (played on the Pact mock server), provider verification against the simulator, and
 * publishing with the official Pact CLI.
 * @example
 * import { writePact, verifyPacts } from 'engagement-contract-kit/pact'
 * import { moduleConformanceClient } from 'engagement-contract-kit/harness'
 * const { pact } = await writePact(moduleConformanceClient('mine', myClient), { consumer: 'partner-portal' })
 * @module
 */
export {
  pactInteractions,
  PACT_PROVIDER,
  PACT_STATE_NAMES,
  PACT_INVITATION,
} from './pact-interactions.js'
export { requestBody, responseBody, contentTypeMatcher, pactPattern } from './pact-matchers.js'
export { writePact } from './write-pact.js'
export { verifyPacts, verificationHeaders } from './verify-pacts.js'
export { PROVIDER_STATES } from './provider-states.js'
export { publishPacts, brokerAccess, buildIdentity } from './publish-pacts.js'
export { runPactCli, pactBinary, redactSecrets } from './pact-cli.js'

export type { PactInteraction, PactState, PactAnswer } from './pact-interactions.js'
export type { WritePactOptions, WritePactResult } from './write-pact.js'
export type { VerifyPactsOptions, VerifyPactsResult } from './verify-pacts.js'
export type { ProviderStateHandler } from './provider-states.js'
export type { PublishPactsOptions, PublishPactsResult } from './publish-pacts.js'
export type { PactCliRun, RunPactCliOptions } from './pact-cli.js'
