import { describe, expect, it } from 'vitest'
import { renderJson } from '../../../src/harness/reporters/render-json.js'
import { reportFixture } from './report-fixture.js'

describe('renderJson', () => {
  it('round-trips the report', () => {
    const report = reportFixture()
    expect(JSON.parse(renderJson(report))).toEqual(report)
  })

  it('is pretty, sorted and ends with a newline', () => {
    const text = renderJson(reportFixture())
    expect(text.startsWith('{\n  "checks": [\n    {\n      "failed": 0,')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain(
      '"message": "The client reported </script><b>&\\"\' ]]> \\u0001 a|b\\nsecond line; expected: a retry."',
    )
  })

  it('does not depend on the key order of the report', () => {
    const report = reportFixture()
    const reversed = Object.fromEntries(
      Object.entries(report).reverse(),
    ) as unknown as typeof report
    expect(renderJson(reversed)).toBe(renderJson(report))
  })
})
