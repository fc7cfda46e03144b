/**
 * The vitest helper: one test per conformance scenario for your own client. Needs vitest (a peer
 * dependency, only for this entry point).
 * @example
 * import { describeConformance } from 'engagement-contract-kit/vitest'
 * import myClient from './partner-central-client.js'
 * describeConformance('our client', myClient, { skip: ['polling'] })
 * @module
 */
export { describeConformance, explainScenarioFailure } from './harness/describe-conformance.js'

export type { DescribeConformanceOptions } from './harness/describe-conformance.js'
