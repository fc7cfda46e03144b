import { describe, expect, it } from 'vitest'
import { stableJson } from '../../src/internal/stable-json.js'

describe('stableJson', () => {
  it('sorts object keys, keeps array order, indents by 2 and ends with a newline', () => {
    expect(stableJson({ b: 1, a: [3, 1, { d: 1, c: 2 }] })).toBe(
      '{\n  "a": [\n    3,\n    1,\n    {\n      "c": 2,\n      "d": 1\n    }\n  ],\n  "b": 1\n}\n',
    )
  })

  it('keeps a __proto__ key as data', () => {
    expect(stableJson(JSON.parse('{"__proto__":1}'))).toBe('{\n  "__proto__": 1\n}\n')
  })
})
