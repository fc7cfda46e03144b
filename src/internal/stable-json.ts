/**
 * Serialises a JSON value with object keys sorted (arrays keep their order), 2-space indent and a
 * trailing newline: the format of every generated file.
 * @param value A JSON-compatible value without cycles.
 * @returns The text.
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`
}

/**
 * Copies a JSON value with every object's keys in sorted order.
 * @param value A JSON-compatible value without cycles.
 * @returns The sorted copy.
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      Object.defineProperty(out, key, {
        value: sortKeys((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  }
  return value
}
