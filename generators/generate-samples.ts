import fc from 'fast-check'
import { resolveRevision } from '../src/model/revisions.js'
import { invariant } from '../src/internal/invariant.js'
import { UsageError } from '../src/internal/toolkit-error.js'
import { catalog } from './fields/catalog.js'
import { clientToken } from './fields/client-token.js'
import { identifier } from './fields/identifier.js'
import { tags } from './fields/tags.js'
import { responseEngagementInvitationId } from './fields/engagement-invitation-id.js'
import {
  opportunityId,
  reasonCode,
  resourceSnapshotJobId,
  startTime,
  taskArn,
  taskId,
  taskStatus,
} from './fields/response-fields.js'
import { applyViolations, invalidRequest } from './invalid-request.js'
import { invalidValue } from './invalid-value.js'
import type { InvalidValue } from './invalid/rule.js'
import { validRequest } from './valid-request.js'
import { validResponse } from './valid-response.js'
import { errorResponse } from './error-response.js'

/** What `eck generate` can produce. */
export const SAMPLE_KINDS = ['request', 'response', 'error', 'field'] as const
/** One of {@link SAMPLE_KINDS}. */
export type SampleKind = (typeof SAMPLE_KINDS)[number]

/** Options of {@link generateSamples}. */
export interface GenerateSamplesOptions {
  readonly kind: SampleKind
  /**
   * Values that break rules, tagged with the rule.
   * @defaultValue false
   */
  readonly invalid?: boolean
  /** For `field` (required) and invalid values: the member. */
  readonly field?: string
  /** For invalid values: the rule. */
  readonly rule?: string
  /** How many values. */
  readonly count: number
  /** The seed: the same seed gives the same values. */
  readonly seed: number
  /**
   * The revision.
   * @defaultValue '2025-12'
   */
  readonly revision?: string
}

/** Valid value arbitraries of each field, by member name. */
function fieldArbitrary(field: string, revision: string): fc.Arbitrary<unknown> | undefined {
  const fields: Record<string, () => fc.Arbitrary<unknown>> = {
    Catalog: () => catalog(),
    ClientToken: () => clientToken({ revision }),
    Identifier: () => identifier(),
    Tags: () => tags(),
    TaskId: () => taskId(),
    TaskArn: () => taskArn(),
    StartTime: () => startTime(),
    TaskStatus: () => taskStatus(),
    ReasonCode: () => reasonCode({ revision }),
    OpportunityId: () => opportunityId(),
    ResourceSnapshotJobId: () => resourceSnapshotJobId(),
    EngagementInvitationId: () => responseEngagementInvitationId(),
  }
  if (field === 'Tags' && !resolveRevision(revision).requestMembers.includes('Tags'))
    return undefined
  return Object.hasOwn(fields, field) ? fields[field]?.() : undefined
}

/** Field names that `field` accepts. */
export const SAMPLE_FIELDS = [
  'Catalog',
  'ClientToken',
  'Identifier',
  'Tags',
  'TaskId',
  'TaskArn',
  'StartTime',
  'TaskStatus',
  'ReasonCode',
  'OpportunityId',
  'ResourceSnapshotJobId',
  'EngagementInvitationId',
] as const

const REQUEST_FIELDS = new Set(['Catalog', 'ClientToken', 'Identifier', 'Tags'])

const tagsOf = (violations: readonly InvalidValue[]): object[] =>
  violations.map(({ member, field, rule, expectedCode, missing }) => ({
    member,
    field,
    rule,
    expectedCode,
    ...(missing === true ? { missing } : {}),
  }))

/**
 * The arbitrary behind `eck generate`, built (and its options checked) before anything is drawn.
 * @param options What to generate.
 * @returns The arbitrary of output records.
 * @throws UsageError on a combination of options that cannot be generated.
 */
export function sampleArbitrary(
  options: Omit<GenerateSamplesOptions, 'count' | 'seed'>,
): fc.Arbitrary<unknown> {
  const revision = resolveRevision(options.revision).id
  const invalid = options.invalid === true
  switch (options.kind) {
    case 'request':
      if (!invalid) return validRequest({ revision })
      if (options.field !== undefined || options.rule !== undefined) {
        const violations = invalidValue({ shape: 'request', revision, ...pick(options) })
        return fc
          .tuple(validRequest({ revision }), violations)
          .map(([valid, v]) => ({ input: applyViolations(valid, [v]), violations: tagsOf([v]) }))
      }
      return invalidRequest({ revision }).map(({ input, violations }) => ({
        input,
        violations: tagsOf(violations),
      }))
    case 'response':
      if (!invalid) return validResponse({ revision })
      return fc
        .tuple(
          validResponse({ revision }),
          invalidValue({ shape: 'response', revision, ...pick(options) }),
        )
        .map(([valid, v]) => ({ body: applyViolations(valid, [v]), violations: tagsOf([v]) }))
    case 'error':
      if (invalid)
        throw new UsageError(
          '--invalid is not available for error: errors are generated valid, in every wire encoding. Use response --invalid for malformed bodies.',
        )
      return errorResponse({
        revision,
        ...(options.field === undefined ? {} : { name: options.field }),
      })
    case 'field': {
      if (options.field === undefined) {
        throw new UsageError(`field needs --field. Fields: ${SAMPLE_FIELDS.join(', ')}.`)
      }
      if (invalid) {
        return invalidValue({
          shape: REQUEST_FIELDS.has(options.field) ? 'request' : 'response',
          revision,
          ...pick(options),
        })
      }
      const arbitrary = fieldArbitrary(options.field, revision)
      if (arbitrary === undefined) {
        throw new UsageError(
          `Unknown field ${JSON.stringify(options.field)} for revision ${revision}. Fields: ${SAMPLE_FIELDS.join(', ')}.`,
        )
      }
      return arbitrary.map((value) => ({ field: options.field, value }))
    }
  }
}

function pick(options: { field?: string; rule?: string }): { field?: string; rule?: string } {
  return {
    ...(options.field === undefined ? {} : { field: options.field }),
    ...(options.rule === undefined ? {} : { rule: options.rule }),
  }
}

/** Values are drawn in batches of this size, each batch from its own derived seed. */
const BATCH = 1000

/**
 * Draws values deterministically: the same options and seed give the same values, in batches so that
 * a large count streams.
 * @param options What to generate, how many, and the seed.
 * @returns An iterable of output records.
 * @throws UsageError on bad options (checked before the first value).
 */
export function generateSamples(options: GenerateSamplesOptions): Iterable<unknown> {
  invariant(
    Number.isInteger(options.count) && options.count >= 1 && options.count <= 1_000_000,
    `-n must be a whole number from 1 to 1000000, got ${JSON.stringify(options.count)}.`,
  )
  invariant(
    Number.isInteger(options.seed) && Math.abs(options.seed) <= 2 ** 31,
    `--seed must be a 32-bit integer, got ${JSON.stringify(options.seed)}.`,
  )
  const arbitrary = sampleArbitrary(options)
  const { count, seed } = options
  return {
    *[Symbol.iterator]() {
      for (let start = 0, batch = 0; start < count; start += BATCH, batch++) {
        yield* fc.sample(arbitrary, {
          seed: (seed + batch * 0x9e3779b1) | 0,
          numRuns: Math.min(BATCH, count - start),
        })
      }
    },
  }
}
