/**
 * JSON by meaning: object keys sorted at every level, arrays in order. Two bodies that mean the same
 * JSON (`{"Key":…,"Value":…}` and `{"Value":…,"Key":…}`) give the same text.
 */

/**
 * The canonical JSON text of a value.
 * @param value Any JSON value (undefined gives `undefined`).
 * @returns The text, or `undefined` for undefined.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (value === undefined) return undefined
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}
