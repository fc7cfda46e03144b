/**
 * Renders any value as short, one-line JSON-like text for messages: never throws, never recurses
 * deeper than a few levels (a value nested 100,000 levels deep is fine), cut to `max` characters.
 * @param value Anything, e.g. an offending input value.
 * @param max The most characters to return (an ellipsis marks a cut).
 * @returns The preview.
 */
export function previewValue(value: unknown, max = 80): string {
  if (typeof value === 'string' && value.length <= max - 2) {
    const quoted = JSON.stringify(value)
    if (quoted.length <= max) return quoted
  }
  const text = render(value, 3, max + 1)
  if (text.length <= max) return text
  let cut = Math.max(0, max - 1)
  // Never split a surrogate pair.
  const last = text.charCodeAt(cut - 1)
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1
  return `${text.slice(0, cut)}…`
}

function render(value: unknown, depth: number, budget: number): string {
  if (value === undefined) return 'undefined'
  if (value === null || typeof value === 'boolean' || typeof value === 'number')
    return String(value)
  if (typeof value === 'string') {
    return JSON.stringify(
      value.length > budget
        ? Array.from(value.slice(0, budget + 1))
            .slice(0, budget)
            .join('')
        : value,
    )
  }
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value !== 'object') return typeof value
  if (depth === 0) return Array.isArray(value) ? '[…]' : '{…}'
  const parts: string[] = []
  let used = 2
  if (Array.isArray(value)) {
    for (const item of value) {
      if (used > budget) break
      const part = render(item, depth - 1, budget - used)
      parts.push(part)
      used += part.length + 1
    }
    if (parts.length < value.length) parts.push('…')
    return `[${parts.join(',')}]`
  }
  const keys = Object.keys(value)
  for (const key of keys) {
    if (used > budget) break
    const part = `${JSON.stringify(key)}:${render((value as Record<string, unknown>)[key], depth - 1, budget - used)}`
    parts.push(part)
    used += part.length + 1
  }
  if (parts.length < keys.length) parts.push('…')
  return `{${parts.join(',')}}`
}
