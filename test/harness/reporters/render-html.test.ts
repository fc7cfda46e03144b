import { describe, expect, it } from 'vitest'
import { renderHtml } from '../../../src/harness/reporters/render-html.js'
import { reportFixture } from './report-fixture.js'

function matrixRow(html: string, id: string): string[] {
  const row = new RegExp(
    `<tr><td class="mono"><a href="#s-\\d+">${id.replace(/\./g, '\\.')}</a></td>([\\s\\S]*?)</tr>`,
  ).exec(html)?.[1]
  expect(row, `a matrix row for ${id}`).toBeDefined()
  return Array.from(
    (row ?? '').matchAll(/<td class="cell (\w+)"[^>]*>([^<]*)<\/td>/g),
    (match) => `${match[1]} ${match[2]}`,
  )
}

describe('renderHtml', () => {
  const html = renderHtml(reportFixture())

  it('is one page with its header', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    expect(html.endsWith('</html>\n')).toBe(true)
    expect(html).toContain('<h1 class="verdict-fail">eck check: FAIL</h1>')
    expect(renderHtml(reportFixture([]))).toContain(
      '<h1 class="verdict-no-verdict">eck check: NO VERDICT</h1>',
    )
    expect(html).toContain(
      '<dt>client</dt><dd>fixture-client</dd><dt>revision</dt><dd>2025-12</dd><dt>started</dt><dd>2026-01-02T03:04:00.000Z</dd><dt>duration</dt><dd>3.3 s</dd>',
    )
  })

  it('escapes every piece of data', () => {
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('</script>')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain(
      'The client reported &lt;/script&gt;&lt;b&gt;&amp;&quot;&#39; ]]&gt; \\u0001 a|b\nsecond line; expected: a retry.',
    )
    expect(html).not.toMatch(/(?![\t\n\r\u007f-\u009f])\p{Cc}/u)
  })

  it('loads nothing from elsewhere', () => {
    expect(html).not.toMatch(/\b(?:src|href|action|srcset|poster)\s*=\s*["']?\s*(?:[a-z]+:|\/\/)/i)
    expect(html).not.toMatch(/url\(|@import/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
  })

  it('colours the matrix by result and severity', () => {
    const row = (cells: Readonly<Record<number, string>>): string[] =>
      Array.from({ length: 21 }, (_, index) => cells[index + 1] ?? 'none ·')
    expect(matrixRow(html, 'success.in-progress')).toEqual(row({ 1: 'pass ✓', 7: 'pass ✓' }))
    expect(matrixRow(html, 'error.throttling')).toEqual(
      row({ 1: 'pass ✓', 11: 'fail ✗', 19: 'warn ✗' }),
    )
    expect(html).toContain(
      '<td class="skip" colspan="21">skip: needs a client that polls (--polls)</td>',
    )
    expect(html).toContain(
      '<th title="retry-after: a retry after Retry-After waits as long as asked">19</th>',
    )
    expect(html).toContain('title="rule 20 is not fed by this scenario">·</td>')
  })

  it('counts each rule', () => {
    expect(html).toMatch(
      /<tr><td class="num">11<\/td><td>must<\/td><td class="mono">retries-transient<\/td><td>[^<]+<\/td><td class="num">0<\/td><td class="num fail">1<\/td><\/tr>/,
    )
    expect(html).toMatch(
      /<tr><td class="num">19<\/td><td>should<\/td><td class="mono">retry-after<\/td>.*<td class="num warn">1<\/td><\/tr>/,
    )
    expect(html).toMatch(
      /<tr><td class="num">20<\/td><td>should<\/td><td class="mono">patience<\/td>.*<td class="num">0<\/td><\/tr>/,
    )
  })

  it('shows failed scenarios first, then all scenarios', () => {
    const failed = html.indexOf('<h2>Failed scenarios (1)</h2>')
    const every = html.indexOf('<h2>All scenarios (3)</h2>')
    expect(failed).toBeGreaterThan(html.indexOf('<h2>Rules</h2>'))
    expect(every).toBeGreaterThan(failed)
    const section = html.slice(failed, every)
    expect(section).toContain('error.throttling</a> — Throttled twice, then a success</h3>')
    expect(section).toContain('<code>error ThrottlingException: Rate exceeded &lt;/script&gt;')
    expect(section).toContain(
      '<li class="fail">✗ rule 11 <code>retries-transient</code> (must): The client reported',
    )
    expect(section).toContain(
      '<li class="warn">✗ rule 19 <code>retry-after</code> (should): The client waited 0 ms',
    )
    expect(section).toContain('<details open><summary>Journal (1 request)</summary>')
    expect(section).toContain(
      '<td class="mono">/?q=&lt;/script&gt;&lt;b&gt;&amp;&quot;&#39; ]]&gt; \\u0001|x</td>',
    )
    expect(section).not.toContain('success.in-progress')
    expect(html.slice(every)).toContain('<details id="s-0">')
  })
})
