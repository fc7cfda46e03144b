import { describe, expect, it } from 'vitest'
import { renderGithub } from '../../../src/harness/reporters/render-github.js'
import { FAILED_SCENARIO, PASSED_SCENARIO, reportFixture } from './report-fixture.js'

describe('renderGithub', () => {
  const lines = renderGithub(reportFixture()).split('\n')

  it('writes one command per failed finding and a notice, one line each', () => {
    expect(lines.at(-1)).toBe('')
    expect(lines.slice(0, -1).map((line) => /^::(\w+)/.exec(line)?.[1])).toEqual([
      'error',
      'warning',
      'notice',
    ])
  })

  it('annotates a must failure as an error with escaped data', () => {
    expect(lines[0]).toBe(
      '::error title=eck check rule 11 (retries-transient) error.throttling::The client reported </script><b>&"\' ]]> \\u0001 a|b%0Asecond line; expected: a retry.' +
        '%0Aoutcome: error ThrottlingException: Rate exceeded </script><b>&"\' ]]> \\u0001',
    )
  })

  it('annotates a should failure as a warning and escapes %', () => {
    expect(lines[1]).toMatch(
      /^::warning title=eck check rule 19 \(retry-after\) error\.throttling::The client waited 0 ms after Retry-After: 1, 100%25 too early;/,
    )
  })

  it('escapes : and , in properties', () => {
    const text = renderGithub(reportFixture([{ ...FAILED_SCENARIO, id: 'odd:id,x%' }]))
    expect(text).toContain('::error title=eck check rule 11 (retries-transient) odd%3Aid%2Cx%25::')
  })

  it('ends with the verdict as a notice', () => {
    expect(lines[2]).toBe(
      '::notice::eck check: FAIL — 1 passed, 1 failed, 1 skipped (must failures 1, should failures 1) in 3.3 s',
    )
    expect(renderGithub(reportFixture([PASSED_SCENARIO]))).toBe(
      '::notice::eck check: PASS — 1 passed, 0 failed, 0 skipped (must failures 0, should failures 0) in 3.3 s\n',
    )
  })
})
