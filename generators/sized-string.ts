import fc from 'fast-check'
import { invariant } from '../src/internal/invariant.js'
import { drawUnitInterval } from './draw-unit-interval.js'

/** A set of characters that can be drawn by index: one integer per character, no filtering. */
export interface Alphabet {
  /** How many indexes there are. */
  readonly size: number
  /** The code point at an index in `0..size-1`. */
  codePoint(index: number): number
}

/**
 * An alphabet of the characters of a string.
 * @param characters The characters (code points).
 * @returns The alphabet.
 */
export function alphabetOf(characters: string): Alphabet {
  const codes = Array.from(characters, (char) => char.codePointAt(0) ?? 0x61)
  return { size: codes.length, codePoint: (index) => codes[index] ?? 0x61 }
}

/** Constraints of {@link sizedString}. */
export interface SizedStringConstraints {
  /** The characters to draw from. */
  readonly alphabet: Alphabet
  readonly minLength: number
  readonly maxLength: number
}

/**
 * Strings of `minLength..maxLength` code points where both boundary lengths come often (one value in
 * eight each), so a client meets the longest valid value, not only short ones. Drawing is one integer
 * per character; shrinking goes to the shortest valid length, then to the first character repeated.
 * @param constraints The alphabet and the length range.
 * @returns The arbitrary.
 * @throws UsageError when the range is empty.
 */
export function sizedString(constraints: SizedStringConstraints): fc.Arbitrary<string> {
  const { alphabet, minLength, maxLength } = constraints
  invariant(
    Number.isInteger(minLength) && minLength >= 0 && maxLength >= minLength,
    `sizedString needs 0 <= minLength <= maxLength, got ${minLength}..${maxLength}.`,
  )
  return new SizedStringArbitrary(alphabet, minLength, maxLength)
}

/**
 * Draws a length (1/8 shortest, 1/8 longest, else strictly between, short more often than long),
 * then that many characters of an alphabet.
 * @param mrng fast-check's random source.
 * @param alphabet The characters.
 * @param minLength Shortest length.
 * @param maxLength Longest length.
 * @returns The text.
 */
export function drawText(
  mrng: fc.Random,
  alphabet: Alphabet,
  minLength: number,
  maxLength: number,
): string {
  const pick = mrng.nextInt(0, 7)
  const span = maxLength - minLength
  // The other 6/8 fall strictly between the boundaries (when there is room), short more often than long.
  const length =
    pick === 0 || span === 0
      ? minLength
      : pick === 1 || span === 1
        ? maxLength
        : minLength + 1 + Math.floor(drawUnitInterval(mrng) ** 4 * (span - 1))
  // One draw from fast-check seeds a small inline generator (mulberry32) for the characters, and the
  // text is built from UTF-16 units in one call: both are reproducible and many times faster than a
  // fast-check draw and a string concatenation per character.
  let state = mrng.nextInt(-0x80000000, 0x7fffffff)
  const size = alphabet.size
  const units: number[] = []
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    const code = alphabet.codePoint(Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * size))
    if (code > 0xffff)
      units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff))
    else units.push(code)
  }
  return String.fromCharCode(...units)
}

class SizedStringArbitrary extends fc.Arbitrary<string> {
  constructor(
    private readonly alphabet: Alphabet,
    private readonly minLength: number,
    private readonly maxLength: number,
  ) {
    super()
  }

  override generate(mrng: fc.Random): fc.Value<string> {
    return new fc.Value(drawText(mrng, this.alphabet, this.minLength, this.maxLength), undefined)
  }

  override canShrinkWithoutContext(_value: unknown): _value is string {
    return false
  }

  override shrink(value: string): fc.Stream<fc.Value<string>> {
    const chars = Array.from(value)
    const candidates: string[] = []
    if (chars.length > this.minLength) {
      candidates.push(chars.slice(0, this.minLength).join(''))
      const half = Math.max(this.minLength, Math.floor(chars.length / 2))
      if (half > this.minLength && half < chars.length)
        candidates.push(chars.slice(0, half).join(''))
    }
    const plain = String.fromCodePoint(this.alphabet.codePoint(0)).repeat(chars.length)
    if (plain !== value) candidates.push(plain)
    return fc.Stream.of(...candidates.map((candidate) => new fc.Value(candidate, undefined)))
  }
}

/** Code points that ECMAScript `.` does not match, and NEL (U+0085), which Java's `.` does not match. */
const LINE_TERMINATORS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029])
const CODE_POINTS = 0x110000
const CONTROLS = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
  29, 30, 31, 0x7f,
]

// Index ranges of DOT_ALPHABET: printable ASCII (about 2/3), controls (about 6%), then every code point once.
const ASCII_END = 2 * CODE_POINTS
const CONTROLS_END = ASCII_END + 200_000

function dotCodePoint(draw: number): number {
  if (draw < ASCII_END) return 0x20 + (draw % 95)
  if (draw < CONTROLS_END) return CONTROLS[draw % CONTROLS.length] ?? 0
  const code = draw - CONTROLS_END
  if ((code >= 0xd800 && code <= 0xdfff) || LINE_TERMINATORS.has(code)) return 0x7e
  return code
}

/**
 * Every code point that `.` matches under both ECMAScript and Java rules: printable ASCII two thirds
 * of the time, then controls (tab, NUL), then anything in Unicode (astral planes included), never a
 * lone surrogate.
 */
export const DOT_ALPHABET: Alphabet = { size: CONTROLS_END + CODE_POINTS, codePoint: dotCodePoint }

/**
 * One code point of {@link DOT_ALPHABET}.
 * @returns The arbitrary of one-code-point strings.
 */
export function dotChar(): fc.Arbitrary<string> {
  return fc
    .integer({ min: 0, max: DOT_ALPHABET.size - 1 })
    .map((draw) => String.fromCodePoint(dotCodePoint(draw)))
}

/**
 * One character of a fixed alphabet.
 * @param alphabet The characters.
 * @returns The arbitrary.
 */
export function charOf(alphabet: string): fc.Arbitrary<string> {
  return fc.constantFrom(...Array.from(alphabet))
}

/** Lowercase letters and digits, as in `engi-`, `task-` and `job-` ids. */
export const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz'
/** ASCII letters, as in `Catalog`. */
export const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
/** Printable ASCII without space: `[!-~]`. */
export const PRINTABLE_ASCII = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) =>
  String.fromCharCode(0x21 + i),
).join('')

/**
 * A fixed prefix followed by `length` characters of an alphabet.
 * @param prefix e.g. `engi-`.
 * @param alphabet The characters after it.
 * @param length How many.
 * @returns The arbitrary.
 */
export function prefixedId(prefix: string, alphabet: string, length: number): fc.Arbitrary<string> {
  return sizedString({ alphabet: alphabetOf(alphabet), minLength: length, maxLength: length }).map(
    (id) => `${prefix}${id}`,
  )
}
