import type fc from 'fast-check'
import { resolveRevision } from '../../src/model/revisions.js'
import { alphabetOf, DOT_ALPHABET, PRINTABLE_ASCII, sizedString } from '../sized-string.js'

/** Constraints of {@link clientToken}. */
export interface ClientTokenConstraints {
  /**
   * The revision: `2025-12` (any 1..255 characters without line terminators, unicode included) or
   * `reference` (printable ASCII without space, 1..64).
   * @defaultValue '2025-12'
   */
  readonly revision?: string
}

/**
 * Valid `ClientToken` values over the whole valid space of the revision, lengths 1 and max often.
 * @param constraints The revision.
 * @returns The arbitrary.
 */
export function clientToken(constraints: ClientTokenConstraints = {}): fc.Arbitrary<string> {
  const revision = resolveRevision(constraints.revision)
  const length = revision.strings.ClientToken.lengthInPattern ?? { min: 1, max: 255 }
  const alphabet = revision.id === 'reference' ? alphabetOf(PRINTABLE_ASCII) : DOT_ALPHABET
  return sizedString({ alphabet, minLength: length.min, maxLength: length.max })
}
