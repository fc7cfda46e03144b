import fc from 'fast-check'
import type { Tag } from '../../src/model/request.js'
import { drawText, sizedString, type Alphabet } from '../sized-string.js'
import { drawUnitInterval } from '../draw-unit-interval.js'

const TAG_CHAR = /^[\p{L}\p{Z}\p{N}]$/u
let nonAscii: readonly number[] | undefined

// Every non-ASCII letter, separator or digit of planes 0..2, listed once (about 140,000) so that
// drawing one is an index, not a filter.
function nonAsciiTagChars(): readonly number[] {
  if (nonAscii === undefined) {
    const found: number[] = []
    for (let code = 0x80; code <= 0x2ffff; code++) {
      // U+2028 and U+2029 are \p{Z}, but the pattern's look-ahead `.` does not match them.
      if ((code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029) continue
      if (TAG_CHAR.test(String.fromCodePoint(code))) found.push(code)
    }
    nonAscii = found
  }
  return nonAscii
}

/**
 * The characters of tag keys and values as an alphabet: 60% ASCII letters and digits, 20%
 * `_.:/=+-@ `, 20% other scripts' letters, separators and digits.
 * @returns The alphabet.
 */
function tagAlphabet(): Alphabet {
  const others = nonAsciiTagChars()
  const span = others.length
  return {
    size: 5 * span,
    codePoint: (draw) => {
      if (draw < 3 * span) return ASCII_TAG_CHARS.charCodeAt(draw % ASCII_TAG_CHARS.length)
      if (draw < 4 * span)
        return PUNCTUATION_TAG_CHARS.charCodeAt(draw % PUNCTUATION_TAG_CHARS.length)
      return others[draw - 4 * span] ?? 0x61
    },
  }
}

const ASCII_TAG_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const PUNCTUATION_TAG_CHARS = '_.:/=+-@ '

/**
 * Valid tag keys: 1..128 allowed characters.
 * @returns The arbitrary.
 */
export function tagKey(): fc.Arbitrary<string> {
  return sizedString({ alphabet: tagAlphabet(), minLength: 1, maxLength: 128 })
}

/**
 * Valid tag values: 0..256 allowed characters.
 * @returns The arbitrary.
 */
export function tagValue(): fc.Arbitrary<string> {
  return sizedString({ alphabet: tagAlphabet(), minLength: 0, maxLength: 256 })
}

/**
 * Valid `Tags` lists: 1..200 tags; one tag in about a quarter of the lists, a few in most, any count
 * in one in twenty, the full 200 in one in twenty (long lists with keys and values of at most 4 characters, to keep generation fast); keys and
 * values with the boundary lengths of {@link tagKey} and {@link tagValue}. Shrinks to fewer tags.
 * @returns The arbitrary.
 */
export function tags(): fc.Arbitrary<Tag[]> {
  return new TagsArbitrary(tagAlphabet())
}

class TagsArbitrary extends fc.Arbitrary<Tag[]> {
  constructor(private readonly alphabet: Alphabet) {
    super()
  }

  override generate(mrng: fc.Random): fc.Value<Tag[]> {
    // Of 20 lists: 1 has 200 tags, 5 have one, 1 has any count, 13 have a few (1..10, mostly short).
    const pick = mrng.nextInt(0, 19)
    const count =
      pick === 0
        ? 200
        : pick <= 5
          ? 1
          : pick === 6
            ? mrng.nextInt(1, 200)
            : 1 + Math.floor(drawUnitInterval(mrng) ** 3 * 10)
    // Long lists get short keys and values; the boundary lengths come in the short lists.
    const long = pick <= 0 || pick === 6
    const list: Tag[] = []
    for (let i = 0; i < count; i++) {
      list.push({
        Key: drawText(mrng, this.alphabet, 1, long ? 4 : 128),
        Value: drawText(mrng, this.alphabet, 0, long ? 4 : 256),
      })
    }
    return new fc.Value(list, undefined)
  }

  override canShrinkWithoutContext(_value: unknown): _value is Tag[] {
    return false
  }

  override shrink(value: Tag[]): fc.Stream<fc.Value<Tag[]>> {
    const candidates: Tag[][] = []
    if (value.length > 1)
      candidates.push(value.slice(0, 1), value.slice(0, Math.ceil(value.length / 2)))
    const plain = value.map(() => ({ Key: 'a', Value: '' }))
    if (value.some((tag) => tag.Key !== 'a' || tag.Value !== '')) candidates.push(plain)
    return fc.Stream.of(...candidates.map((candidate) => new fc.Value(candidate, undefined)))
  }
}
