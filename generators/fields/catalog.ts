import fc from 'fast-check'
import { KNOWN_CATALOGS } from '../../src/model/enums.js'
import { alphabetOf, LETTERS, sizedString } from '../sized-string.js'

/** Constraints of {@link catalog}. */
export interface CatalogConstraints {
  /**
   * Also produce other schema-valid catalogs (any ASCII letters), which validators warn about.
   * @defaultValue false
   */
  readonly anySchemaValid?: boolean
}

/**
 * Valid `Catalog` values: `AWS` or `Sandbox`, or any `^[a-zA-Z]+$` string when asked.
 * @param constraints Whether to go beyond the two real catalogs.
 * @returns The arbitrary.
 */
export function catalog(constraints: CatalogConstraints = {}): fc.Arbitrary<string> {
  const known = fc.constantFrom(...KNOWN_CATALOGS)
  if (constraints.anySchemaValid !== true) return known
  return fc.oneof(
    { weight: 3, arbitrary: known },
    {
      weight: 1,
      arbitrary: sizedString({ alphabet: alphabetOf(LETTERS), minLength: 1, maxLength: 40 }),
    },
  )
}
