import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clientToken } from '../../generators/fields/client-token.js'
import { identifier } from '../../generators/fields/identifier.js'
import { tagKey, tagValue } from '../../generators/fields/tags.js'
import { invalidValue } from '../../generators/invalid-value.js'

/** Runs fc.statistics and returns the share (0..1) of each label. */
function statistics<T>(
  arbitrary: fc.Arbitrary<T>,
  classify: (value: T) => string,
  numRuns = 4000,
): Map<string, number> {
  const lines: string[] = []
  fc.statistics(arbitrary, classify, { numRuns, logger: (line) => lines.push(line) })
  console.log(lines.join('\n'))
  return new Map(
    lines.map((line) => {
      const match = /^(.*?)\.{2,}\s*([\d.]+)%$/.exec(line.trim())
      return [match?.[1]?.trim() ?? line, Number(match?.[2] ?? 0) / 100] as const
    }),
  )
}

const bucket = (length: number, max: number): string =>
  length === 1
    ? 'length 1'
    : length === max
      ? `length ${max}`
      : length === max + 1
        ? `length ${max + 1}`
        : 'other'
const codePoints = (value: string): number =>
  value.length > 10_000 ? value.length : Array.from(value).length

describe('boundary lengths (fc.statistics)', () => {
  it.each([
    ['2025-12', 255],
    ['reference', 64],
  ] as const)(
    'ClientToken %s: lengths 1 and %i each in more than 7 percent of values',
    (revision, max) => {
      const shares = statistics(clientToken({ revision }), (value) =>
        bucket(codePoints(value), max),
      )
      expect(shares.get('length 1')).toBeGreaterThan(0.07)
      expect(shares.get(`length ${max}`)).toBeGreaterThan(0.07)
    },
  )

  it.each([
    ['2025-12', 255],
    ['reference', 64],
  ] as const)(
    'invalid ClientToken %s: length %i + 1 in more than 5 percent of values',
    (revision, max) => {
      const shares = statistics(invalidValue({ field: 'ClientToken', revision }), (v) =>
        typeof v.value === 'string' ? bucket(codePoints(v.value), max) : 'not a string',
      )
      expect(shares.get(`length ${max + 1}`)).toBeGreaterThan(0.05)
    },
  )

  it('tag keys and values reach 1, 128 and 0, 256', () => {
    expect(
      statistics(tagKey(), (key) => bucket(codePoints(key), 128)).get('length 128'),
    ).toBeGreaterThan(0.07)
    expect(
      statistics(tagValue(), (value) =>
        value === '' ? 'empty' : bucket(codePoints(value), 256),
      ).get('length 256'),
    ).toBeGreaterThan(0.07)
  })

  it('Identifier reaches exactly 255 characters', () => {
    expect(
      statistics(identifier(), (value) => (codePoints(value) === 255 ? 'length 255' : 'other')).get(
        'length 255',
      ),
    ).toBeGreaterThan(0.01)
  })
})
