import fc from 'fast-check'

/** Constraints of {@link sizedString}. */
export interface SizedStringConstraints {
  /** One character (or code point) per value. */
  readonly unit: fc.Arbitrary<string>
  readonly minLength: number
  readonly maxLength: number
}

/**
 * Strings of `minLength..maxLength` units where both boundary lengths come often (about one value in
 * six each), so a client meets the longest valid value, not only short ones.
 * @param constraints The unit and the length range.
 * @returns The arbitrary.
 */
export function sizedString(constraints: SizedStringConstraints): fc.Arbitrary<string> {
  const { unit, minLength, maxLength } = constraints
  const exactly = (length: number): fc.Arbitrary<string> =>
    fc.string({ unit, minLength: length, maxLength: length })
  if (minLength === maxLength) return exactly(minLength)
  return fc.oneof(
    { weight: 1, arbitrary: exactly(minLength) },
    { weight: 1, arbitrary: exactly(maxLength) },
    { weight: 4, arbitrary: fc.string({ unit, minLength, maxLength, size: 'medium' }) },
  )
}

/** Code points that ECMAScript `.` does not match, and NEL (U+0085), which Java's `.` does not match. */
const LINE_TERMINATORS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029])

/**
 * Any single code point that `.` matches under both ECMAScript and Java rules: printable ASCII often,
 * then controls (tab, NUL), then anything in Unicode (astral planes included), never a lone surrogate.
 * @returns The arbitrary of one-code-point strings.
 */
export function dotChar(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x00, max: 0x1f }) },
    { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0x10ffff }) },
  )
    .filter((code) => !LINE_TERMINATORS.has(code) && (code < 0xd800 || code > 0xdfff))
    .map((code) => String.fromCodePoint(code))
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
export const PRINTABLE_ASCII = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('')

/**
 * A fixed prefix followed by `length` characters of an alphabet.
 * @param prefix e.g. `engi-`.
 * @param alphabet The characters after it.
 * @param length How many.
 * @returns The arbitrary.
 */
export function prefixedId(prefix: string, alphabet: string, length: number): fc.Arbitrary<string> {
  return fc.string({ unit: charOf(alphabet), minLength: length, maxLength: length }).map((id) => `${prefix}${id}`)
}
