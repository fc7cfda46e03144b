import fc from 'fast-check'
import type { Tag } from '../../src/model/request.js'
import { charOf, sizedString } from '../sized-string.js'

const TAG_CHAR = /^[\p{L}\p{Z}\p{N}]$/u

/**
 * One character allowed in tag keys and values: `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, unicode letters,
 * separators and digits included.
 * @returns The arbitrary.
 */
export function tagChar(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: charOf('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') },
    { weight: 2, arbitrary: charOf('_.:/=+-@ ') },
    {
      weight: 2,
      arbitrary: fc
        .integer({ min: 0x80, max: 0x2ffff })
        .filter((code) => (code < 0xd800 || code > 0xdfff) && TAG_CHAR.test(String.fromCodePoint(code)))
        .map((code) => String.fromCodePoint(code)),
    },
  )
}

/**
 * Valid tag keys: 1..128 allowed characters.
 * @returns The arbitrary.
 */
export function tagKey(): fc.Arbitrary<string> {
  return sizedString({ unit: tagChar(), minLength: 1, maxLength: 128 })
}

/**
 * Valid tag values: 0..256 allowed characters.
 * @returns The arbitrary.
 */
export function tagValue(): fc.Arbitrary<string> {
  return sizedString({ unit: tagChar(), minLength: 0, maxLength: 256 })
}

/**
 * Valid `Tags` lists: 1..200 tags, with 1 and 200 tags often.
 * @returns The arbitrary.
 */
export function tags(): fc.Arbitrary<Tag[]> {
  const tag = fc.record({ Key: tagKey(), Value: tagValue() })
  return fc.oneof(
    { weight: 1, arbitrary: fc.array(tag, { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.array(fc.record({ Key: fc.string({ unit: tagChar(), minLength: 1, maxLength: 3 }), Value: fc.string({ unit: tagChar(), maxLength: 3 }) }), { minLength: 200, maxLength: 200 }) },
    { weight: 4, arbitrary: fc.array(tag, { minLength: 1, maxLength: 200 }) },
  )
}
