#!/usr/bin/env node
/**
 * StartEngagementByAcceptingInvitationTask through the AWS SDK for JavaScript v3, as an
 * engagement-contract-kit client protocol v1 command:
 *
 *   node examples/sdk/js/adapter.mjs --config shipped|recommended   (default: recommended)
 *
 * The SDK finds everything itself: the endpoint in AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING (or
 * AWS_ENDPOINT_URL), the region in AWS_REGION, the credentials in AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY. stdin: the call's input; last stdout line: {"result"} (exit 0) or {"error"} (exit 1).
 */
import {
  PartnerCentralSellingClient,
  PartnerCentralSellingServiceException,
  StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling'
import { NodeHttpHandler } from '@smithy/node-http-handler'

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
])

/** @param {string[]} argv */
function configName(argv) {
  const at = argv.indexOf('--config')
  const value = at >= 0 ? argv[at + 1] : 'recommended'
  if (value !== 'shipped' && value !== 'recommended')
    throw new Error(`--config: shipped or recommended, not ${value}`)
  return value
}

/** @param {'shipped' | 'recommended'} config */
function newClient(config) {
  if (config === 'shipped') return new PartnerCentralSellingClient({})
  return new PartnerCentralSellingClient({
    retryMode: 'standard',
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 1000,
      requestTimeout: 1500,
      // Without this a requestTimeout only logs a warning and the call keeps waiting.
      throwOnRequestTimeout: true,
    }),
  })
}

/** The members the SDK returned, with their wire names; a Date becomes an RFC 3339 string. */
function resultOf(output) {
  const { $metadata, ...members } = output
  const result = {}
  for (const [name, value] of Object.entries(members)) {
    if (value === undefined) continue
    result[name] = value instanceof Date ? value.toISOString() : value
  }
  return result
}

/** The protocol error for what the SDK threw, from what the SDK parsed only. */
function errorOf(error) {
  if (error instanceof PartnerCentralSellingServiceException) {
    // A modelled exception, or the service base exception carrying the name the SDK read.
    return { name: error.name, message: error.message }
  }
  const name = error?.name ?? ''
  const code = error?.code ?? ''
  if (name === 'TimeoutError' || code === 'ETIMEDOUT')
    return { name: 'TimeoutError', message: error.message }
  if (NETWORK_CODES.has(code)) return { name: 'NetworkError', message: `${code}: ${error.message}` }
  return { name: 'UnknownError', message: `${name}: ${error?.message ?? String(error)}` }
}

async function readStdin() {
  const chunks = []
  for await (const chunk of process.stdin) chunks.push(chunk)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

function finish(report) {
  process.stdout.write(`${JSON.stringify(report)}\n`, () =>
    process.exit('result' in report ? 0 : 1),
  )
}

const config = configName(process.argv.slice(2))
const input = await readStdin()
const params = {}
for (const name of ['Catalog', 'Identifier', 'ClientToken', 'Tags']) {
  // An absent ClientToken is left out, so that the SDK generates one.
  if (name in input) params[name] = input[name]
}

const client = newClient(config)
try {
  const result = resultOf(
    await client.send(new StartEngagementByAcceptingInvitationTaskCommand(params)),
  )
  if (config === 'recommended' && (!result.TaskId || !result.TaskStatus)) {
    finish({
      error: {
        name: 'UnknownError',
        message: `the service answered 200 without TaskId/TaskStatus: ${JSON.stringify(result)}`,
      },
    })
  } else {
    finish({ result })
  }
} catch (error) {
  finish({ error: errorOf(error) })
}
