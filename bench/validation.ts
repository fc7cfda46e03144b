/**
 * Validations per second of the ajv path (compiled once from contracts/) next to the hand-written
 * baseline, for valid and invalid requests, in one run.
 */
import { validateRequest } from '../src/validators/validate-request.js'
import { compiledContract } from '../src/validators/compile-contract.js'
import { handValidateRequest } from './hand-validator.js'
import { formatRate, measure } from './measure.js'

const VALID = [
  { Catalog: 'Sandbox', ClientToken: 'token-1', Identifier: 'engi-0123456789abc' },
  {
    Catalog: 'AWS',
    ClientToken: '9b2f1c1e-5a7d-4a57-8a0e-2c6a3f0b8d11',
    Identifier:
      'arn:aws:partnercentral:us-east-1::catalog/AWS/engagement-invitation/engi-0123456789aws',
  },
  {
    Catalog: 'Sandbox',
    ClientToken: 'ünïcödé token',
    Identifier: 'engi-zzzzzzzzzzzzz',
    Tags: [
      { Key: 'env', Value: 'prod' },
      { Key: 'ключ', Value: '值' },
    ],
  },
]
const INVALID: unknown[] = [
  { Catalog: 'Sandbox', ClientToken: 'token-1', Identifier: 'ENGI-0123456789abc' },
  { Catalog: 'AWS', Identifier: 'engi-0123456789abc' },
  { Catalog: 1, ClientToken: '', Identifier: 'engi-0123456789abc', Extra: true },
  {
    Catalog: 'Sandbox',
    ClientToken: 't',
    Identifier: 'engi-0123456789abc',
    Tags: [{ Key: 'bad!', Value: 'v' }],
  },
]

/**
 * Runs the validation benchmark.
 * @returns Markdown table rows.
 */
export function benchValidation(): string[] {
  // Same answers first: the comparison is only fair if both say the same thing.
  for (const input of [...VALID, ...INVALID]) {
    const ours = validateRequest(input)
      .issues.map((issue) => `${issue.FieldName ?? ''}:${issue.Code}`)
      .sort()
    const theirs = handValidateRequest(input)
      .map((issue) => `${issue.FieldName ?? ''}:${issue.Code}`)
      .sort()
    if (ours.join() !== theirs.join())
      throw new Error(
        `baseline disagrees on ${JSON.stringify(input)}: ${ours.join(',')} vs ${theirs.join(',')}`,
      )
  }
  const raw = compiledContract('2025-12', 'request')
  const rows = [
    measure('valid: validateRequest (ajv, issues as data)', (i) =>
      validateRequest(VALID[i % VALID.length]),
    ),
    measure('valid: compiled ajv function alone', (i) => raw(VALID[i % VALID.length])),
    measure('valid: hand-written baseline', (i) => handValidateRequest(VALID[i % VALID.length])),
    measure('invalid: validateRequest (ajv, issues as data)', (i) =>
      validateRequest(INVALID[i % INVALID.length]),
    ),
    measure('invalid: compiled ajv function alone', (i) => raw(INVALID[i % INVALID.length])),
    measure('invalid: hand-written baseline', (i) =>
      handValidateRequest(INVALID[i % INVALID.length]),
    ),
  ]
  const rate = (name: string): number => rows.find((row) => row.name === name)?.opsPerSecond ?? NaN
  const out = ['| validation of requests | per second |', '|---|---:|']
  for (const row of rows) out.push(`| ${row.name} | ${formatRate(row.opsPerSecond)} |`)
  out.push(
    `| **ratio valid (hand / validateRequest)** | **${(rate('valid: hand-written baseline') / rate('valid: validateRequest (ajv, issues as data)')).toFixed(2)}x** |`,
    `| **ratio invalid (hand / validateRequest)** | **${(rate('invalid: hand-written baseline') / rate('invalid: validateRequest (ajv, issues as data)')).toFixed(2)}x** |`,
  )
  return out
}
