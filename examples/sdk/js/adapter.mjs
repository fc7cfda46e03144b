#!/usr/bin/env node
/**
 * StartEngagementByAcceptingInvitationTask through the AWS SDK for JavaScript v3, as an
 * engagement-contract-kit client protocol v1 or v2 command:
 *
 *   node examples/sdk/js/adapter.mjs --config shipped|recommended   (default: recommended)
 *   node examples/sdk/js/adapter.mjs --config recommended --protocol 2
 *
 * Protocol v1: the SDK finds everything itself: the endpoint in AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING
 * (or AWS_ENDPOINT_URL), the region in AWS_REGION, the credentials in AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY. stdin: the call's input; last stdout line: {"result"} (exit 0) or {"error"} (exit 1).
 *
 * Protocol v2: one request per stdin line, {"id", "endpoint", "region", "credentials", "input"}; a new
 * client per line, built from that line (nothing carries over from one call to the next: not the
 * endpoint, not the retry quota, not the clock offset); one answer line per request, {"id", "result"} or
 * {"id", "error"}, as each call ends. Exits when stdin ends and every call is answered.
 */
import {
  PartnerCentralSellingClient,
  PartnerCentralSellingServiceException,
  StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { createInterface } from 'node:readline'

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

/** @param {string[]} argv */
function protocolVersion(argv) {
  const at = argv.indexOf('--protocol')
  const value = at >= 0 ? argv[at + 1] : '1'
  if (value !== '1' && value !== '2') throw new Error(`--protocol: 1 or 2, not ${value}`)
  return Number(value)
}

/**
 * @param {'shipped' | 'recommended'} config
 * @param {object} where Protocol v2: the line's endpoint, region and credentials; v1: {} (the environment's).
 */
function newClient(config, where) {
  if (config === 'shipped') return new PartnerCentralSellingClient({ ...where })
  return new PartnerCentralSellingClient({
    ...where,
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

/**
 * One call with a client of its own: the report, {result} or {error}.
 * @param {'shipped' | 'recommended'} config
 * @param {Record<string, unknown>} input
 * @param {object} where
 */
async function callOnce(config, input, where) {
  const params = {}
  for (const name of ['Catalog', 'Identifier', 'ClientToken', 'Tags']) {
    // An absent ClientToken is left out, so that the SDK generates one.
    if (name in input) params[name] = input[name]
  }
  const client = newClient(config, where)
  try {
    const result = resultOf(
      await client.send(new StartEngagementByAcceptingInvitationTaskCommand(params)),
    )
    if (config === 'recommended' && (!result.TaskId || !result.TaskStatus)) {
      return {
        error: {
          name: 'UnknownError',
          message: `the service answered 200 without TaskId/TaskStatus: ${JSON.stringify(result)}`,
        },
      }
    }
    return { result }
  } catch (error) {
    return { error: errorOf(error) }
  } finally {
    client.destroy()
  }
}

const config = configName(process.argv.slice(2))
if (protocolVersion(process.argv.slice(2)) === 1) {
  const report = await callOnce(config, await readStdin(), {})
  process.stdout.write(`${JSON.stringify(report)}\n`, () =>
    process.exit('result' in report ? 0 : 1),
  )
} else {
  let inFlight = 0
  let ended = false
  const exitWhenDone = () => {
    if (ended && inFlight === 0) process.stdout.write('', () => process.exit(0))
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue
    const request = JSON.parse(line)
    inFlight++
    const where = {
      endpoint: request.endpoint,
      region: request.region,
      credentials: request.credentials,
    }
    // As in v1, an input that is not an object throws (a crash: the process ends).
    void callOnce(config, request.input, where).then((report) => {
      process.stdout.write(`${JSON.stringify({ id: request.id, ...report })}\n`)
      inFlight--
      exitWhenDone()
    })
  }
  ended = true
  exitWhenDone()
}
