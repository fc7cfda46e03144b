import { describe, expect, it } from 'vitest'
import { previewValue } from '../../src/internal/preview-value.js'

describe('previewValue', () => {
  it('renders short values as JSON', () => {
    expect(previewValue('abc')).toBe('"abc"')
    expect(previewValue({ a: [1, null] })).toBe('{"a":[1,null]}')
    expect(previewValue(undefined)).toBe('undefined')
  })

  it('cuts long values to the limit with an ellipsis', () => {
    const text = previewValue('x'.repeat(1024 * 1024))
    expect(text).toHaveLength(80)
    expect(text.endsWith('…')).toBe(true)
  })

  it('never recurses deeply', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(previewValue(deep)).toBe('[[[[…]]]]')
  })
})
