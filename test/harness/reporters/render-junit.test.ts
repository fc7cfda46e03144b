import { describe, expect, it } from 'vitest'
import { renderJunit } from '../../../src/harness/reporters/render-junit.js'
import { reportFixture } from './report-fixture.js'

interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  text: string
  readonly children: XmlElement[]
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

function decode(text: string): string {
  // Raw `<`, a stray `&` and `]]>` are not well-formed character data.
  expect(text).not.toMatch(/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)|\]\]>/)
  return text.replace(/&(#x[\da-fA-F]+|#\d+|\w+);/g, (_, ref: string) =>
    ref.startsWith('#x')
      ? String.fromCodePoint(parseInt(ref.slice(2), 16))
      : ref.startsWith('#')
        ? String.fromCodePoint(Number(ref.slice(1)))
        : (ENTITIES[ref] ?? ''),
  )
}

// A strict little parser for the subset the reporter writes: elements, attributes in double quotes,
// character data and the XML declaration. It fails the test on anything not well-formed.
function parseXml(xml: string): XmlElement {
  // XML 1.0 Char: no C0 control except tab, LF, CR; no lone surrogates; no U+FFFE/U+FFFF.
  expect(xml).not.toMatch(/(?![\t\n\r\u007f-\u009f])\p{Cc}|[\ud800-\udfff\ufffe\uffff]/u)
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml)
  expect(declaration).not.toBeNull()
  const rest = xml.slice(declaration?.[0].length ?? 0)
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>/y
  let at = 0
  while (at < rest.length) {
    const next = rest.indexOf('<', at)
    const text = rest.slice(at, next === -1 ? rest.length : next)
    const top = stack.at(-1)
    if (top === undefined) expect(text.trim()).toBe('')
    else top.text += decode(text)
    if (next === -1) break
    tag.lastIndex = next
    const match = tag.exec(rest)
    expect(match, `a tag at ${rest.slice(next, next + 40)}`).not.toBeNull()
    if (match === null) break
    const [whole, closing, name = '', attributeText = '', selfClosing] = match
    at = next + whole.length
    if (closing === '/') {
      expect(stack.pop()?.name).toBe(name)
      continue
    }
    const attributes: Record<string, string> = {}
    for (const [, key = '', value = ''] of attributeText.matchAll(
      /([A-Za-z_][\w.-]*)="([^"]*)"/g,
    )) {
      expect(attributes[key]).toBeUndefined()
      expect(value).not.toMatch(/[\t\n\r]/)
      attributes[key] = decode(value)
    }
    const element: XmlElement = { name, attributes, text: '', children: [] }
    if (top === undefined) {
      expect(root).toBeUndefined()
      root = element
    } else top.children.push(element)
    if (selfClosing !== '/') stack.push(element)
  }
  expect(stack).toEqual([])
  if (root === undefined) throw new Error('no root element')
  return root
}

function all(element: XmlElement, name: string): XmlElement[] {
  return [
    ...(element.name === name ? [element] : []),
    ...element.children.flatMap((child) => all(child, name)),
  ]
}

describe('renderJunit', () => {
  const xml = renderJunit(reportFixture())
  const root = parseXml(xml)
  const cases = all(root, 'testcase')

  it('is well-formed with one test case per finding and per skipped scenario', () => {
    expect(root.name).toBe('testsuites')
    expect(
      cases.map((testcase) => `${testcase.attributes.classname} / ${testcase.attributes.name}`),
    ).toEqual([
      'success.in-progress / rule 1 wire',
      'success.in-progress / rule 7 result-from-answer',
      'error.throttling / rule 1 wire',
      'error.throttling / rule 11 retries-transient',
      'error.throttling / rule 19 retry-after',
      'polling.complete / skipped',
    ])
  })

  it('counts tests, failures, skipped and time', () => {
    const [suite] = all(root, 'testsuite')
    for (const element of [root, suite]) {
      expect(element?.attributes).toMatchObject({
        tests: '6',
        failures: '2',
        errors: '0',
        skipped: '1',
        time: '3.300',
      })
    }
    expect(suite?.attributes.timestamp).toBe('2026-01-02T03:04:00')
    expect(cases[3]?.attributes.time).toBe('2.500')
  })

  it('marks failures with their severity and explains them in the body', () => {
    const [must, should] = all(root, 'failure')
    expect(must?.attributes.type).toBe('must')
    expect(must?.attributes.message).toBe(
      '[must] rule 11 retries-transient: The client reported </script><b>&"\' ]]> \\u0001 a|b\nsecond line; expected: a retry.',
    )
    expect(must?.text).toContain(
      'outcome: error ThrottlingException: Rate exceeded </script><b>&"\' ]]> \\u0001',
    )
    expect(must?.text).toContain(
      '#1 03:04:01.123Z POST /?q=</script><b>&"\' ]]> \\u0001|x AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask → 429 ThrottlingException step=error respond',
    )
    expect(should?.attributes.message).toMatch(
      /^\[should\] rule 19 retry-after: The client waited 0 ms/,
    )
    expect(all(root, 'system-err')[0]?.text).toBe('warn: </script><b>&"\' ]]> \\u0001\nbye')
  })

  it('skips the skipped scenario with its reason', () => {
    expect(all(cases[5] ?? root, 'skipped')[0]?.attributes.message).toBe(
      'needs a client that polls (--polls)',
    )
  })

  it('escapes markup, the CDATA end and illegal characters', () => {
    expect(xml).not.toContain('<b>')
    expect(xml).not.toContain(']]>')
    expect(xml).toContain('&lt;/script&gt;&lt;b&gt;&amp;&quot;&apos; ]]&gt; \\u0001')
  })

  it('writes lone surrogates and U+FFFF visibly', () => {
    const report = reportFixture()
    const odd = { ...report, client: `x\ud800y\uffffz\u{1F600}` }
    const parsed = parseXml(renderJunit(odd))
    expect(
      all(parsed, 'property').find((property) => property.attributes.name === 'client')?.attributes
        .value,
    ).toBe('x\\ud800y\\uffffz\u{1F600}')
  })
})
