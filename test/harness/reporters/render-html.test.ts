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
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
  })

  it('loads nothing from elsewhere', () => {
    expect(html).not.toMatch(/\b(?:src|href|action|srcset|poster)\s*=\s*["']?\s*(?:[a-z]+:|\/\/)/i)
    expect(html).not.toMatch(/url\(|@import/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
  })

  it('colours the matrix by result and severity', () => {
    expect(matrixRow(html, 'success.in-progress')).toEqual([
      'pass ✓',
      'pass ✓',
      ...Array<string>(8).fill('none ·'),
    ])
    const failed = matrixRow(html, 'error.throttling')
    expect(failed[0]).toBe('pass ✓')
    expect(failed[4]).toBe('fail ✗')
    expect(failed[9]).toBe('warn ✗')
    expect(html).toContain(
      '<td class="skip" colspan="10">skip: needs a client that polls (--polls)</td>',
    )
  })

  it('counts each check', () => {
    expect(html).toMatch(
      /<tr><td class="num">5<\/td><td>must<\/td><td class="mono">retried<\/td><td>[^<]+<\/td><td class="num">0<\/td><td class="num fail">1<\/td><\/tr>/,
    )
    expect(html).toMatch(
      /<tr><td class="num">10<\/td><td>should<\/td>.*<td class="num warn">1<\/td><\/tr>/,
    )
  })

  it('shows failed scenarios first, then all scenarios', () => {
    const failed = html.indexOf('<h2>Failed scenarios (1)</h2>')
    const every = html.indexOf('<h2>All scenarios (3)</h2>')
    expect(failed).toBeGreaterThan(html.indexOf('<h2>Checks</h2>'))
    expect(every).toBeGreaterThan(failed)
    const section = html.slice(failed, every)
    expect(section).toContain('error.throttling</a> — Throttled twice, then a success</h3>')
    expect(section).toContain('<code>error ThrottlingException: Rate exceeded &lt;/script&gt;')
    expect(section).toContain('<details open><summary>Journal (1 request)</summary>')
    expect(section).toContain(
      '<td class="mono">/?q=&lt;/script&gt;&lt;b&gt;&amp;&quot;&#39; ]]&gt; \\u0001|x</td>',
    )
    expect(section).not.toContain('success.in-progress')
    expect(html.slice(every)).toContain('<details id="s-0">')
  })
})
