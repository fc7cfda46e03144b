import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/harness/reporters/render-markdown.js'
import { reportFixture } from './report-fixture.js'

// The cells of a table row, split at pipes that are not escaped.
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
}

function tables(markdown: string): string[][] {
  const found: string[][] = []
  let current: string[] = []
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line)
    else if (current.length > 0) {
      found.push(current)
      current = []
    }
  }
  return found
}

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(reportFixture())

  it('opens with the verdict', () => {
    expect(markdown.split('\n')[0]).toBe(
      '### ❌ eck check: FAIL — 1 passed, 1 failed, 1 skipped (must failures 1, should failures 1) in 3.3 s',
    )
  })

  it('has a table of the rules', () => {
    const [checks] = tables(markdown)
    expect(checks).toHaveLength(23)
    expect(cells(checks?.[0] ?? '')).toEqual(['#', 'severity', 'check', 'passed', 'failed'])
    expect(cells(checks?.[2] ?? '')).toEqual([
      '1',
      'must',
      expect.stringMatching(/^wire: every request is POST/),
      '2',
      '0',
    ])
    expect(cells(checks?.[12] ?? '')).toEqual([
      '11',
      'must',
      expect.stringMatching(/^retries-transient: throttling \(429 or a throttling name\), 500/),
      '0',
      '**1**',
    ])
    expect(cells(checks?.[20] ?? '')).toEqual([
      '19',
      'should',
      expect.stringMatching(/^retry-after: /),
      '0',
      '**1**',
    ])
  })

  it('has a table of failed findings whose cells cannot be broken by the data', () => {
    const failures = tables(markdown)[1] ?? []
    expect(failures).toHaveLength(4)
    for (const row of failures) expect(cells(row)).toHaveLength(5)
    const [scenario, check, severity, message] = cells(failures[2] ?? '')
    expect([scenario, check, severity]).toEqual([
      'error.throttling',
      '11 retries-transient',
      'must',
    ])
    expect(message).toBe(
      'The client reported &lt;/script&gt;&lt;b&gt;&amp;"\' \\]\\]&gt; \\\\u0001 a\\|b<br>second line; expected: a retry.',
    )
    expect(cells(failures[3] ?? '').slice(0, 3)).toEqual([
      'error.throttling',
      '19 retry-after',
      'should',
    ])
  })

  it('puts the journal of each failed scenario in a details block', () => {
    const start = markdown.indexOf(
      '<details><summary>Journal of <code>error.throttling</code> (1 request)</summary>',
    )
    expect(start).toBeGreaterThan(0)
    const block = markdown.slice(start, markdown.indexOf('</details>', start))
    expect(block).toContain(
      '```text\n#1 03:04:01.123Z POST /?q=</script><b>&"\' ]]> \\u0001|x AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask → 429 ThrottlingException step=error respond\n```',
    )
    expect(markdown).not.toContain('Journal of <code>success.in-progress')
  })

  it('lets no markup or control character out of the data outside code blocks', () => {
    const outsideCode = markdown.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '')
    expect(outsideCode).not.toContain('<b>')
    expect(outsideCode).not.toContain('</script>')
    expect(markdown).not.toMatch(/(?![\n\u007f-\u009f])\p{Cc}/u)
  })

  it('fences code that contains backticks with a longer fence', () => {
    const [first, second, third] = reportFixture().scenarios
    const [entry] = second?.journal ?? []
    if (first === undefined || second === undefined || third === undefined || entry === undefined)
      throw new Error('fixture changed')
    const tricky = { ...second, journal: [{ ...entry, path: '/```x' }] }
    expect(renderMarkdown(reportFixture([first, tricky, third]))).toContain(
      '````text\n#1 03:04:01.123Z POST /```x ',
    )
  })

  it('lists skipped scenarios', () => {
    expect(markdown).toContain('- polling.complete: needs a client that polls (--polls)')
  })
})
