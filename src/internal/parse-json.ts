/** The result of {@link parseJson}. */
export type ParseJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false
      /** 1-based line of the first error. */
      readonly line: number
      /** 1-based column (in UTF-16 code units) of the first error. */
      readonly column: number
      /** What is wrong there. */
      readonly reason: string
    }

/**
 * Parses JSON text, and on failure says where (line and column) and why, which `JSON.parse` does
 * not always do. A leading byte order mark is ignored. Never throws; handles any nesting depth.
 * @param text The text.
 * @returns The value, or the position and reason of the first syntax error.
 */
export function parseJson(text: string): ParseJsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { ok: true, value: JSON.parse(body) as unknown }
  } catch {
    const { offset, reason } = locateSyntaxError(body)
    const before = body.slice(0, offset)
    const line = before.split('\n').length
    const column = offset - (before.lastIndexOf('\n') + 1) + 1
    return { ok: false, line, column, reason }
  }
}

const WS = new Set([' ', '\t', '\n', '\r'])

function describe(ch: string | undefined): string {
  return ch === undefined ? 'end of input' : `character ${JSON.stringify(ch)}`
}

// An iterative JSON scanner (no recursion, so any depth works) that finds the first error.
function locateSyntaxError(s: string): { offset: number; reason: string } {
  let i = 0
  const stack: ('{' | '[')[] = []
  const skip = (): void => {
    while (i < s.length && WS.has(s[i] as string)) i++
  }
  const fail = (reason: string): { offset: number; reason: string } => ({ offset: i, reason })
  const scanString = (): string | undefined => {
    i++
    while (i < s.length) {
      const c = s.charCodeAt(i)
      if (c === 0x22) {
        i++
        return undefined
      }
      if (c < 0x20) return 'control character in string'
      if (c === 0x5c) {
        const e = s[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return 'bad \\u escape'
          i += 6
          continue
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return 'bad escape in string'
        i += 2
        continue
      }
      i++
    }
    return 'unterminated string'
  }
  const scanValue = (): string | undefined => {
    const c = s[i]
    if (c === '"') return scanString()
    for (const word of ['true', 'false', 'null']) {
      if (s.startsWith(word, i)) {
        i += word.length
        return undefined
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i, i + 400))
    if (m !== null && m[0] !== '' && m[0] !== '-') {
      i += m[0].length
      return undefined
    }
    return `unexpected ${describe(c)}, expected a value`
  }
  // A property name and its colon; leaves `i` on the value.
  const scanKey = (): string | undefined => {
    if (s[i] !== '"')
      return `unexpected ${describe(s[i])}, expected a property name in double quotes`
    const bad = scanString()
    if (bad !== undefined) return bad
    skip()
    if (s[i] !== ':') return `unexpected ${describe(s[i])}, expected ':'`
    i++
    return undefined
  }
  // States: expect a value; after a value inside a container; expect a key.
  let expectValue = true
  skip()
  for (;;) {
    skip()
    if (expectValue) {
      const c = s[i]
      if (c === '{') {
        stack.push('{')
        i++
        skip()
        if (s[i] === '}') {
          stack.pop()
          i++
          expectValue = false
          continue
        }
        const bad = scanKey()
        if (bad !== undefined) return fail(bad)
        continue
      }
      if (c === '[') {
        stack.push('[')
        i++
        skip()
        if (s[i] === ']') {
          stack.pop()
          i++
          expectValue = false
        }
        continue
      }
      const bad = scanValue()
      if (bad !== undefined) return fail(bad)
      expectValue = false
      continue
    }
    const top = stack[stack.length - 1]
    if (top === undefined) {
      return i < s.length
        ? fail(`unexpected ${describe(s[i])} after the end of the JSON value`)
        : fail('invalid JSON')
    }
    const c = s[i]
    if (c === ',') {
      i++
      skip()
      if (top === '{') {
        const bad = scanKey()
        if (bad !== undefined) return fail(bad)
      }
      expectValue = true
      continue
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop()
      i++
      continue
    }
    return fail(`unexpected ${describe(c)}, expected ',' or '${top === '{' ? '}' : ']'}'`)
  }
}
