/**
 * The simulator of Partner Central Selling's accept-invitation operations: the core, msw handlers,
 * an AWS SDK request handler (in-process) and a loopback HTTP server.
 * @example
 * import { createSimulator, createRequestHandler, startMockServer } from 'engagement-contract-kit/mock'
 * const simulator = createSimulator({ script: { operations: { StartEngagementByAcceptingInvitationTask: { steps: [{ kind: 'error', name: 'ThrottlingException' }] } } } })
 * const client = new PartnerCentralSellingClient({ region: 'us-east-1', credentials, requestHandler: createRequestHandler(simulator) })
 * @module
 */
export { createSimulator, MAX_BODY_BYTES } from './simulator.js'
export { createRequestHandler } from './request-handler.js'
export { createHandlers } from './handlers.js'
export { startMockServer } from './server.js'
export { parseBehaviourScript } from './behaviour-script.js'
export { checkSignature } from './check-signature.js'
export { defaultInvitations, invitationArnOf } from './invitations.js'
export { redactHeaders } from './journal.js'

export type { Simulator, SimulatorOptions } from './simulator.js'
export type { RequestHandlerOptions, SimulatorRequestHandler } from './request-handler.js'
export type { CreateHandlersOptions } from './handlers.js'
export type { MockServer, MockServerOptions } from './server.js'
export type {
  BehaviourScript,
  OperationScript,
  Step,
  StepTiming,
  PassStep,
  ErrorStep,
  HttpStep,
  TaskStep,
  MalformedStep,
  ExtraFieldsStep,
  NetworkStep,
} from './behaviour-script.js'
export type { SignatureOptions, SignatureCheck } from './check-signature.js'
export type { Invitation } from './invitations.js'
export type { JournalEntry } from './journal.js'
export type { TaskProgress } from './task-store.js'
export type { WireRequest, WireResponse, Outcome, Delivery } from './wire.js'
