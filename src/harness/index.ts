/**
 * The conformance harness's clients: run a client under test, in-process or in any language through the
 * client protocol v1, and read what it reports.
 * @example
 * import { runCommandClient } from 'engagement-contract-kit/harness'
 * const run = await runCommandClient({ command: 'python3 client.py', input, baseUrl, scenarioId: 'success' })
 * @module
 */
export { parseClientOutput, CLIENT_ERROR_NAMES } from './client-outcome.js'
export { runCommandClient, protocolEnvironment } from './command-client.js'
export { runModuleClient } from './module-client.js'

export type { ClientOutcome } from './client-outcome.js'
export type { RunCommandClientOptions, CommandRun } from './command-client.js'
export type { ClientContext, ClientReport, ClientFunction } from './module-client.js'
