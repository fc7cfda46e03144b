/**
 * Provider verification: the pacts are replayed by the Pact Verifier against the simulator on
 * loopback, with state handlers that configure it, so that the simulator and the contracts cannot
 * disagree unnoticed.
 */
import { Verifier } from '@pact-foundation/pact'
import { startMockServer } from '../mock/server.js'
import { resolveRevision } from '../model/revisions.js'
import { SERVICE } from '../model/operation.js'
import { PACT_PROVIDER } from './pact-interactions.js'
import { PROVIDER_STATES } from './provider-states.js'

/** Options of {@link verifyPacts}. */
export interface VerifyPactsOptions {
  /** Pact files (paths) or URLs. */
  readonly pactUrls?: readonly string[]
  /**
   * Or fetch the pacts for this provider from a broker (with its credentials): the main branch and
   * what is deployed or released. @defaultValue none
   */
  readonly broker?: {
    readonly url: string
    readonly token?: string
    readonly username?: string
    readonly password?: string
    /** Publish the results as this provider version. @defaultValue not published */
    readonly publishAs?: { readonly version: string; readonly branch?: string }
  }
  /** @defaultValue '2025-12' */
  readonly revision?: string
  /** Pact's own log level. @defaultValue 'error' */
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug'
}

/** The verification's outcome. */
export interface VerifyPactsResult {
  readonly passed: boolean
  /** The Verifier's message on failure (which interaction, what mismatched). */
  readonly message: string
}

/**
 * The SigV4 headers the replayed requests carry: the simulator checks their form (it verifies no
 * secret here), and a pact does not hold signatures.
 * @param now The clock.
 * @returns `Authorization` and `X-Amz-Date` header lines.
 */
export function verificationHeaders(now: Date = new Date()): string[] {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  return [
    `Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${amzDate.slice(0, 8)}/${SERVICE.region}/${SERVICE.signingName}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    `X-Amz-Date: ${amzDate}`,
  ]
}

/**
 * Verifies pacts against the simulator.
 * @param options The pacts and the revision.
 * @returns Whether every interaction was satisfied, with the Verifier's message otherwise.
 */
export async function verifyPacts(options: VerifyPactsOptions): Promise<VerifyPactsResult> {
  const server = await startMockServer({ revision: resolveRevision(options.revision).id })
  const simulator = server.simulator()
  try {
    const stateHandlers = Object.fromEntries(
      Object.entries(PROVIDER_STATES).map(([name, handler]) => [
        name,
        (params?: unknown) => {
          handler(simulator, (params ?? {}) as Record<string, unknown>)
          return Promise.resolve(undefined)
        },
      ]),
    )
    await new Verifier({
      provider: PACT_PROVIDER,
      providerBaseUrl: server.url,
      ...(options.pactUrls === undefined ? {} : { pactUrls: [...options.pactUrls] }),
      ...(options.broker === undefined
        ? {}
        : {
            pactBrokerUrl: options.broker.url,
            consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
            ...(options.broker.token === undefined ? {} : { pactBrokerToken: options.broker.token }),
            ...(options.broker.username === undefined ? {} : { pactBrokerUsername: options.broker.username }),
            ...(options.broker.password === undefined ? {} : { pactBrokerPassword: options.broker.password }),
            ...(options.broker.publishAs === undefined
              ? {}
              : {
                  publishVerificationResult: true,
                  providerVersion: options.broker.publishAs.version,
                  ...(options.broker.publishAs.branch === undefined ? {} : { providerVersionBranch: options.broker.publishAs.branch }),
                }),
          }),
      stateHandlers,
      beforeEach: () => {
        simulator.reset()
        simulator.setScript({})
        return Promise.resolve()
      },
      customProviderHeaders: verificationHeaders(),
      logLevel: options.logLevel ?? 'error',
    }).verifyProvider()
    return { passed: true, message: 'every interaction was satisfied' }
  } catch (error) {
    return { passed: false, message: error instanceof Error ? error.message : String(error) }
  } finally {
    await server.close()
  }
}
