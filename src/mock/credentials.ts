/**
 * The access keys the simulated front door knows: each with its secret, an optional session token,
 * and a status (valid, expired, unknown, without permission, or of an account that has not opted in),
 * so that "our token expired at 3 a.m." can be reproduced against any client.
 */
import { UsageError } from '../internal/toolkit-error.js'
import type { FrontDoorErrorName } from '../model/front-door-errors.js'

/** What the front door makes of a key. */
export const CREDENTIAL_STATUSES = [
  'valid',
  'expired',
  'unknown',
  'denied',
  'not-opted-in',
] as const

/** A key's status: `expired` → ExpiredTokenException, `unknown` → UnrecognizedClientException, `denied` → AccessDeniedException, `not-opted-in` → OptInRequired. */
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number]

/** One access key of the front door. */
export interface Credential {
  readonly accessKeyId: string
  /** With a secret, the signature is verified; without, only its form. */
  readonly secretAccessKey?: string
  /** When set, requests must carry it in `X-Amz-Security-Token` (temporary credentials). */
  readonly sessionToken?: string
  /** @defaultValue 'valid' */
  readonly status?: CredentialStatus
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const MEMBERS = new Set(['accessKeyId', 'secretAccessKey', 'sessionToken', 'status'])

/**
 * Checks an untrusted list of credentials (e.g. from `eck mock --front-door FILE`).
 * @param value The parsed JSON.
 * @param where Where it came from, for the message.
 * @returns The credentials.
 * @throws UsageError naming the first wrong member and what was expected.
 */
export function parseCredentials(value: unknown, where = 'credentials'): Credential[] {
  if (!Array.isArray(value))
    throw new UsageError(
      `${where}: expected an array like [{"accessKeyId":"AKIA…","secretAccessKey":"…","status":"expired"}], got ${JSON.stringify(value)}.`,
    )
  const seen = new Set<string>()
  return value.map((item: unknown, index) => {
    const at = `${where}[${String(index)}]`
    if (!isRecord(item))
      throw new UsageError(`${at}: expected an object, got ${JSON.stringify(item)}.`)
    for (const key of Object.keys(item))
      if (!MEMBERS.has(key))
        throw new UsageError(
          `${at}.${key}: unknown member; a credential has ${[...MEMBERS].join(', ')}.`,
        )
    const { accessKeyId, secretAccessKey, sessionToken, status } = item
    if (typeof accessKeyId !== 'string' || accessKeyId === '')
      throw new UsageError(`${at}.accessKeyId: expected a non-empty string.`)
    if (seen.has(accessKeyId))
      throw new UsageError(`${at}.accessKeyId: ${accessKeyId} is listed twice.`)
    seen.add(accessKeyId)
    for (const [name, member] of [
      ['secretAccessKey', secretAccessKey],
      ['sessionToken', sessionToken],
    ] as const)
      if (member !== undefined && (typeof member !== 'string' || member === ''))
        throw new UsageError(`${at}.${name}: expected a non-empty string.`)
    if (status !== undefined && !(CREDENTIAL_STATUSES as readonly unknown[]).includes(status))
      throw new UsageError(
        `${at}.status: expected one of ${CREDENTIAL_STATUSES.join(', ')}, got ${JSON.stringify(status)}.`,
      )
    return item as unknown as Credential
  })
}

/**
 * The error the front door answers a key of this status with.
 * @param status The key's status.
 * @returns The error's name, or undefined for a valid key.
 */
export function credentialError(status: CredentialStatus): FrontDoorErrorName | undefined {
  switch (status) {
    case 'valid':
      return undefined
    case 'expired':
      return 'ExpiredTokenException'
    case 'unknown':
      return 'UnrecognizedClientException'
    case 'denied':
      return 'AccessDeniedException'
    case 'not-opted-in':
      return 'OptInRequired'
  }
}
