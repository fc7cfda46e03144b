import { describe, expect, it } from 'vitest'
import { parseJson } from '../../src/internal/parse-json.js'

describe('parseJson', () => {
  it('parses JSON and ignores a byte order mark', () => {
    expect(parseJson('\ufeff{"a":[1,true,null,"x"]}')).toEqual({
      ok: true,
      value: { a: [1, true, null, 'x'] },
    })
  })

  it.each([
    ['{"a": tru}', 1, 7, /expected a value/],
    ['{\n"a": 1,\n}', 3, 1, /expected a property name/],
    ['', 1, 1, /end of input/],
    ['{"a":1} x', 1, 9, /after the end/],
    ['[1,2', 1, 5, /expected ',' or ']'/],
    ['{"a" 1}', 1, 6, /expected ':'/],
    ['"abc', 1, 5, /unterminated string/],
    ['{"a":"\u0001"}', 1, 7, /control character/],
    ['{"a":"\\q"}', 1, 7, /bad escape/],
    ['01', 1, 2, /after the end/],
  ])('locates the error in %j at line %i, column %i', (text, line, column, reason) => {
    const result = parseJson(text)
    expect(result).toMatchObject({ ok: false, line, column })
    expect(result.ok ? '' : result.reason).toMatch(reason)
  })

  it('handles 100,000 levels of nesting, valid or not', () => {
    expect(parseJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).ok).toBe(true)
    expect(parseJson('['.repeat(100_000))).toMatchObject({ ok: false, line: 1, column: 100_001 })
  })
})
