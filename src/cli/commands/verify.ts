/**
 * `eck verify [pacts…]`: provider verification of pacts against the simulator (files, URLs, or the
 * pacts a broker holds for partnercentral-selling). Exit 0 when every interaction is satisfied, 1
 * otherwise, 2 on usage errors.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { redactSecrets } from '../../pact/pact-cli.js'
import { brokerAccess, buildIdentity } from '../../pact/publish-pacts.js'
import { verifyPacts } from '../../pact/verify-pacts.js'
import { UsageError } from '../../internal/toolkit-error.js'
import { resolveRevision } from '../../model/revisions.js'
import { optionText } from '../option-values.js'
import type { CliContext } from '../output.js'

/** Options of `eck verify`. */
export interface VerifyCommandOptions {
  readonly brokerUrl?: string | boolean
  readonly publish?: boolean
  readonly providerVersion?: string | boolean
  readonly revision?: string
}

/**
 * Runs `eck verify`.
 * @param pacts Pact files or URLs; none means the broker's pacts.
 * @param options The parsed options.
 * @param context Where to read and write.
 * @returns 0 when verified, 1 otherwise.
 * @throws UsageError on a missing file or no source of pacts.
 */
export async function verifyCommand(
  pacts: readonly string[],
  options: VerifyCommandOptions,
  context: CliContext,
): Promise<number> {
  const revision = resolveRevision(optionText('--revision', options.revision)).id
  const urls = pacts.map((pact) => {
    if (/^https?:\/\//.test(pact)) return pact
    const path = resolve(context.cwd, pact)
    if (!existsSync(path)) throw new UsageError(`No pact file at ${path}.`)
    return path
  })
  const brokerUrl =
    optionText('--broker-url', options.brokerUrl) ??
    (urls.length === 0 ? context.env.PACT_BROKER_BASE_URL : undefined)
  if (urls.length === 0 && brokerUrl === undefined)
    throw new UsageError(
      'Give pact files, or a broker (--broker-url or PACT_BROKER_BASE_URL) to fetch the pacts for partnercentral-selling from.',
    )
  const access = brokerUrl === undefined ? undefined : brokerAccess(brokerUrl, context.env)
  const providerVersion =
    optionText('--provider-version', options.providerVersion) ??
    buildIdentity(context.env, context.cwd).version
  if (options.publish === true && (access === undefined || providerVersion === undefined))
    throw new UsageError(
      '--publish needs a broker and a provider version (--provider-version, or a git checkout).',
    )
  const identity = buildIdentity(context.env, context.cwd)
  const result = await verifyPacts({
    revision,
    ...(urls.length === 0 ? {} : { pactUrls: urls }),
    ...(access === undefined
      ? {}
      : {
          broker: {
            url: access.url,
            ...(context.env.PACT_BROKER_TOKEN === undefined
              ? {}
              : { token: context.env.PACT_BROKER_TOKEN }),
            ...(context.env.PACT_BROKER_USERNAME === undefined
              ? {}
              : { username: context.env.PACT_BROKER_USERNAME }),
            ...(context.env.PACT_BROKER_PASSWORD === undefined
              ? {}
              : { password: context.env.PACT_BROKER_PASSWORD }),
            ...(options.publish === true && providerVersion !== undefined
              ? {
                  publishAs: {
                    version: providerVersion,
                    ...(identity.branch === undefined ? {} : { branch: identity.branch }),
                  },
                }
              : {}),
          },
        }),
  })
  if (result.passed) {
    context.out(`eck verify: the simulator satisfies every interaction (revision ${revision})\n`)
    return 0
  }
  context.err(`eck verify: ${redactSecrets(result.message, access?.secrets ?? [])}\n`)
  return 1
}
