import fc from 'fast-check'
import { parseRfc3339DateTimeWithOffset } from '@smithy/core/serde'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../generators/fields/catalog.js'
import { clientToken } from '../../generators/fields/client-token.js'
import {
  engagementInvitationId,
  responseEngagementInvitationId,
} from '../../generators/fields/engagement-invitation-id.js'
import { identifier } from '../../generators/fields/identifier.js'
import { invitationArn } from '../../generators/fields/invitation-arn.js'
import { tagKey, tagValue, tags } from '../../generators/fields/tags.js'
import {
  opportunityId,
  reasonCode,
  resourceSnapshotJobId,
  startTime,
  taskArn,
  taskId,
  taskStatus,
} from '../../generators/fields/response-fields.js'
import { validateResponse } from '../../src/validators/validate-response.js'
import { REVISIONS } from '../../src/model/revisions.js'
import { regexOracle } from '../helpers/oracles.js'

const current = REVISIONS['2025-12']
const reference = REVISIONS.reference
const codePoints = (value: string): number => Array.from(value).length

function shares(lengths: readonly number[], ...targets: number[]): number[] {
  return targets.map(
    (target) => lengths.filter((length) => length === target).length / lengths.length,
  )
}

describe('request field arbitraries', () => {
  it('catalog() gives AWS or Sandbox, and any letters when asked', () => {
    expect(new Set(fc.sample(catalog(), 100))).toEqual(new Set(['AWS', 'Sandbox']))
    fc.assert(
      fc.property(catalog({ anySchemaValid: true }), (value) =>
        regexOracle('Catalog', value, current),
      ),
    )
  })

  it('clientToken() covers the whole 2025-12 space: unicode, astral, 1..255 code points', () => {
    const values = fc.sample(clientToken(), 2000)
    for (const value of values) expect(regexOracle('ClientToken', value, current)).toBe(true)
    expect(values.some((value) => /[^\x20-\x7e]/u.test(value))).toBe(true)
    expect(values.some((value) => /[\u{10000}-\u{10ffff}]/u.test(value))).toBe(true)
    expect(values.some((value) => value.includes(' '))).toBe(true)
  })

  it('clientToken() gives lengths 1 and 255 in a measurable share (boundaries come often)', () => {
    // Arrange
    const lengths = fc.sample(clientToken(), 2000).map(codePoints)
    // Act
    const [one, max] = shares(lengths, 1, 255)
    // Assert
    expect(one).toBeGreaterThan(0.07)
    expect(max).toBeGreaterThan(0.07)
  })

  it('clientToken({ revision: reference }) is printable ASCII of 1..64 with 1 and 64 often', () => {
    const values = fc.sample(clientToken({ revision: 'reference' }), 2000)
    for (const value of values) expect(regexOracle('ClientToken', value, reference)).toBe(true)
    const [one, max] = shares(values.map(codePoints), 1, 64)
    expect(one).toBeGreaterThan(0.07)
    expect(max).toBeGreaterThan(0.07)
  })

  it('identifier() gives ids and ARNs up to exactly 255 characters, valid in both revisions', () => {
    const values = fc.sample(identifier(), 2000)
    for (const value of values) {
      expect(regexOracle('Identifier', value, current)).toBe(true)
      expect(regexOracle('Identifier', value, reference)).toBe(true)
    }
    expect(values.some((value) => value.startsWith('engi-'))).toBe(true)
    expect(values.filter((value) => codePoints(value) === 255).length).toBeGreaterThan(20)
  })

  it('engagementInvitationId() and invitationArn() match their halves of the pattern', () => {
    fc.assert(fc.property(engagementInvitationId(), (value) => /^engi-[0-9a-z]{13}$/.test(value)))
    fc.assert(
      fc.property(invitationArn(), (value) => value.startsWith('arn:') && codePoints(value) <= 255),
    )
  })

  it('tags() gives 1 and 200 tags in a measurable share, with unicode letters, and valid keys and values', () => {
    const lists = fc.sample(tags(), 1000)
    const [one, max] = shares(
      lists.map((list) => list.length),
      1,
      200,
    )
    expect(one).toBeGreaterThan(0.15)
    expect(max).toBeGreaterThan(0.02)
    fc.assert(
      fc.property(
        tagKey(),
        tagValue(),
        (key, value) => regexOracle('Key', key, current) && regexOracle('Value', value, current),
      ),
    )
    expect(fc.sample(tagKey(), 500).some((key) => /[^\p{ASCII}]/u.test(key))).toBe(true)
    const keyLengths = fc.sample(tagKey(), 1000).map(codePoints)
    expect(shares(keyLengths, 128)[0] ?? 0).toBeGreaterThan(0.07)
  })
})

describe('response field arbitraries', () => {
  it('give values the response contract accepts', () => {
    fc.assert(
      fc.property(
        taskId(),
        taskArn(),
        opportunityId(),
        resourceSnapshotJobId(),
        responseEngagementInvitationId(),
        startTime(),
        taskStatus(),
        reasonCode(),
        (
          TaskId,
          TaskArn,
          OpportunityId,
          ResourceSnapshotJobId,
          EngagementInvitationId,
          StartTime,
          TaskStatus,
          ReasonCode,
        ) => {
          expect(
            validateResponse({
              TaskId,
              TaskArn,
              OpportunityId,
              ResourceSnapshotJobId,
              EngagementInvitationId,
              StartTime,
              TaskStatus,
              ReasonCode,
            }).issues,
          ).toEqual([])
        },
      ),
    )
  })

  it('startTime() is parsed by the AWS SDK and covers fractions, offsets and lowercase', () => {
    const values = fc.sample(startTime(), 500)
    for (const value of values)
      expect(Number.isNaN(parseRfc3339DateTimeWithOffset(value)?.getTime() ?? NaN)).toBe(false)
    expect(values.some((value) => /\.\d+/.test(value))).toBe(true)
    expect(values.some((value) => /[+-]\d\d:\d\d$/.test(value))).toBe(true)
    expect(values.some((value) => /Z$/.test(value))).toBe(true)
    expect(values.some((value) => /t/.test(value))).toBe(true)
  })

  it('taskId() sometimes has a prefix (the pattern has no ^) and opportunityId() has 1 and 19 digits', () => {
    expect(fc.sample(taskId(), 300).some((value) => !value.startsWith('task-'))).toBe(true)
    const digits = fc.sample(opportunityId(), 1000).map((value) => value.length - 1)
    expect(shares(digits, 1, 19).every((share) => share > 0.07)).toBe(true)
  })

  it('reasonCode() draws from the revision', () => {
    expect(new Set(fc.sample(reasonCode(), 2000)).size).toBe(22)
    expect(new Set(fc.sample(reasonCode({ revision: 'reference' }), 2000)).size).toBe(19)
  })
})
