import { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling'
import { createRequestHandler, type RequestHandlerOptions } from '../../src/mock/request-handler.js'
import type { Simulator } from '../../src/mock/simulator.js'

/** What the tests read from an error the SDK threw (a service error or a client-side one). */
export interface SdkErrorShape {
  readonly name: string
  readonly message: string
  readonly $metadata: { readonly httpStatusCode?: number }
  readonly Reason?: string
  readonly ErrorList?: readonly unknown[]
}

/** Static dummy credentials: no test may reach the instance-metadata address. */
export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}

/**
 * The real AWS SDK client wired to a simulator in-process, with static credentials and a loopback endpoint.
 * @param simulator The simulator.
 * @param options Request timeout and retry attempts.
 * @returns The client.
 */
export function sdkClientFor(
  simulator: Simulator,
  options: RequestHandlerOptions & { maxAttempts?: number } = {},
): PartnerCentralSellingClient {
  return new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:1',
    credentials: TEST_CREDENTIALS,
    requestHandler: createRequestHandler(simulator, options),
    maxAttempts: options.maxAttempts ?? 3,
  })
}

/**
 * The real AWS SDK client pointed at a loopback URL.
 * @param endpoint e.g. `http://127.0.0.1:4567/s/abc`.
 * @returns The client.
 */
export function sdkClientAt(endpoint: string, maxAttempts = 3): PartnerCentralSellingClient {
  return new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts,
  })
}
