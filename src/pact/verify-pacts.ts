/**
 * Provider verification: the pacts are replayed by the Pact Verifier against the simulator on
 * loopback, with state handlers that configure it, so that the simulator and the contracts cannot
 * disagree unnoticed.
 */
import { readFileSync } from 'node:fs'
import { Verifier } from '@pact-foundation/pact'
import { startMockServer } from '../mock/server.js'
import { resolveRevision } from '../model/revisions.js'
import { SERVICE } from '../model/operation.js'
import { PACT_PROVIDER } from './pact-interactions.js'
import { PROVIDER_STATES, type ProviderStateHandler } from './provider-states.js'

// The provider state names of local pact files (URLs are read by the Verifier itself).
function statesIn(pactUrls: readonly string[]): Set<string> {
  const names = new Set<string>()
  for (const url of pactUrls) {
    if (/^https?:\/\//.test(url)) continue
    try {
      const pact = JSON.parse(readFileSync(url, 'utf8')) as {
        interactions?: { providerStates?: { name?: unknown }[] }[]
      }
      for (const interaction of pact.interactions ?? [])
        for (const state of interaction.providerStates ?? [])
          if (typeof state.name === 'string') names.add(state.name)
    } catch {
      // An unreadable pact fails in the Verifier, with its own message.
    }
  }
  return names
}

/** Variables the Pact library would read from the environment behind eck's back. */
const PACT_ENV = [
  'PACT_BROKER_BASE_URL',
  'PACT_BROKER_TOKEN',
  'PACT_BROKER_USERNAME',
  'PACT_BROKER_PASSWORD',
  'PACT_BROKER_PUBLISH_VERIFICATION_RESULTS',
  'PACT_DESCRIPTION',
  'PACT_PROVIDER_STATE',
  'PACT_PROVIDER_NO_STATE',
]

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
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
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
  const revision = resolveRevision(options.revision)
  const server = await startMockServer({ revision: revision.id })
  const simulator = server.simulator()
  // The Pact library reads these from process.env on its own; eck decides them, so they are cleared here.
  const saved = Object.fromEntries(PACT_ENV.map((name) => [name, process.env[name]]))
  for (const name of PACT_ENV) Reflect.deleteProperty(process.env, name)
  // Pact logs a failing or unknown state handler and goes on; here either fails the verification.
  const stateErrors: string[] = []
  try {
    const wrap = (name: string, handler: ProviderStateHandler) => (params?: unknown) => {
      try {
        handler(simulator, (params ?? {}) as Record<string, unknown>, revision)
      } catch (error) {
        stateErrors.push(
          `provider state "${name}": ${error instanceof Error ? error.message : String(error)}`,
        )
        // The interaction must not pass on a state nobody set up: every call now fails.
        simulator.setScript({
          operations: {
            StartEngagementByAcceptingInvitationTask: {
              then: { kind: 'http', status: 501, body: 'empty' },
            },
          },
        })
      }
      return Promise.resolve(undefined)
    }
    const known = Object.fromEntries(
      Object.entries(PROVIDER_STATES).map(([name, handler]) => [name, wrap(name, handler)]),
    )
    // Pact only warns about a state with no handler: each unknown state of the local pacts gets one that fails.
    const stateHandlers = { ...known }
    for (const name of statesIn(options.pactUrls ?? [])) {
      if (!Object.hasOwn(stateHandlers, name)) {
        stateHandlers[name] = wrap(name, () => {
          throw new Error('no handler knows this state')
        })
      }
    }
    await new Verifier({
      provider: PACT_PROVIDER,
      providerBaseUrl: server.url,
      ...(options.pactUrls === undefined ? {} : { pactUrls: [...options.pactUrls] }),
      ...(options.broker === undefined
        ? {}
        : {
            pactBrokerUrl: options.broker.url,
            consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
            ...(options.broker.token === undefined
              ? {}
              : { pactBrokerToken: options.broker.token }),
            ...(options.broker.username === undefined
              ? {}
              : { pactBrokerUsername: options.broker.username }),
            ...(options.broker.password === undefined
              ? {}
              : { pactBrokerPassword: options.broker.password }),
            ...(options.broker.publishAs === undefined
              ? {}
              : {
                  publishVerificationResult: true,
                  providerVersion: options.broker.publishAs.version,
                  ...(options.broker.publishAs.branch === undefined
                    ? {}
                    : { providerVersionBranch: options.broker.publishAs.branch }),
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
    if (stateErrors.length > 0)
      return { passed: false, message: [...new Set(stateErrors)].join('; ') }
    return { passed: true, message: 'every interaction was satisfied' }
  } catch (error) {
    const states = stateErrors.length === 0 ? '' : `${[...new Set(stateErrors)].join('; ')}; `
    return {
      passed: false,
      message: `${states}${error instanceof Error ? error.message : String(error)}`,
    }
  } finally {
    for (const [name, value] of Object.entries(saved))
      if (value !== undefined) process.env[name] = value
    await server.close()
  }
}
