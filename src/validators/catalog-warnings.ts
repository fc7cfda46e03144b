import { KNOWN_CATALOGS } from '../model/enums.js'
import type { Warning } from './issue.js'

const NONE: readonly Warning[] = Object.freeze([])

/**
 * Warns about a schema-valid `Catalog` that is neither `AWS` nor `Sandbox` (the only catalogs).
 * @param input The checked input.
 * @returns A warning, or none.
 */
export function catalogWarnings(input: unknown): readonly Warning[] {
  if (input === null || typeof input !== 'object' || !Object.hasOwn(input, 'Catalog')) return NONE
  const catalog = (input as { Catalog?: unknown }).Catalog
  if (catalog === 'AWS' || catalog === 'Sandbox') return NONE
  if (typeof catalog !== 'string' || !/^[a-zA-Z]+$/.test(catalog)) return NONE
  if ((KNOWN_CATALOGS as readonly string[]).includes(catalog)) return NONE
  const near = KNOWN_CATALOGS.find((known) => known.toLowerCase() === catalog.toLowerCase())
  return [
    {
      FieldName: 'Catalog',
      Message: `Catalog ${JSON.stringify(catalog)} is not a known catalog; use AWS (production) or Sandbox (testing)${near === undefined ? '' : `; did you mean ${near}?`}`,
      path: ['Catalog'],
      value: catalog,
    },
  ]
}
