/**
 * Validations per second of the ajv path (compiled once from contracts/) next to the hand-written
 * baseline, for valid and invalid requests, in one run.
 */
import { validateRequest } from '../src/validators/validate-request.js'
import { compiledContract } from '../src/validators/compile-contract.js'
import { handValidateRequest } from './hand-validator.js'
import { alternateSlices, ratioOf, rateRows, ratioRows } from './measure.js'
import type { SuiteReport } from './bench-json.js'

const VALIDATE = 'validateRequest (ajv, issues as data)'
const AJV = 'compiled ajv function alone'
const HAND = 'hand-written baseline'

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

/** Recorded rounds of each comparison; each round gives every side {@link ROUND_MS}, in slices that take turns. */
const ROUNDS = 7
const ROUND_MS = 1000
const SLICE_MS = 5

/**
 * Runs the validation benchmark: valid and invalid requests, each with its three sides in
 * alternating rounds.
 * @returns Markdown lines and figures.
 */
export function benchValidation(): SuiteReport {
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
  const log = (line: string): void => {
    console.error(`[bench] validation ${line}`)
  }
  const options = { rounds: ROUNDS, roundMs: ROUND_MS, sliceMs: SLICE_MS }
  const valid = alternateSlices(
    [
      { name: VALIDATE, fn: (i) => validateRequest(VALID[i % VALID.length]) },
      { name: AJV, fn: (i) => raw(VALID[i % VALID.length]) },
      { name: HAND, fn: (i) => handValidateRequest(VALID[i % VALID.length]) },
    ],
    options,
    (line) => {
      log(`valid ${line}`)
    },
  )
  const invalid = alternateSlices(
    [
      { name: VALIDATE, fn: (i) => validateRequest(INVALID[i % INVALID.length]) },
      { name: AJV, fn: (i) => raw(INVALID[i % INVALID.length]) },
      { name: HAND, fn: (i) => handValidateRequest(INVALID[i % INVALID.length]) },
    ],
    options,
    (line) => {
      log(`invalid ${line}`)
    },
  )
  const ratios = [
    ratioOf('valid: validateRequest / compiled ajv alone', valid, VALIDATE, AJV, {
      atLeast: 0.9,
    }),
    ratioOf('invalid: hand-written / validateRequest', invalid, HAND, VALIDATE, { atMost: 1.5 }),
    ratioOf('valid: hand-written / validateRequest', valid, HAND, VALIDATE, { atMost: 2 }),
  ]
  return {
    lines: [
      `Valid requests, ${ROUNDS} alternating rounds of ${ROUND_MS} ms per side (in ${SLICE_MS} ms slices that take turns; calls per CPU second):`,
      '',
      ...rateRows(valid, 'valid requests, calls per CPU second'),
      '',
      `Invalid requests, the same way:`,
      '',
      ...rateRows(invalid, 'invalid requests, calls per CPU second'),
      '',
      ...ratioRows(ratios),
    ],
    figures: {
      unit: 'calls per CPU second',
      rounds: ROUNDS,
      roundMs: ROUND_MS,
      sliceMs: SLICE_MS,
      valid: valid.rates,
      invalid: invalid.rates,
      ratios,
    },
  }
}
