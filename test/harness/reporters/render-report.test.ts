import { describe, expect, it } from 'vitest'
import { renderConsole } from '../../../src/harness/reporters/render-console.js'
import { renderGithub } from '../../../src/harness/reporters/render-github.js'
import { renderHtml } from '../../../src/harness/reporters/render-html.js'
import { renderJson } from '../../../src/harness/reporters/render-json.js'
import { renderJunit } from '../../../src/harness/reporters/render-junit.js'
import { renderMarkdown } from '../../../src/harness/reporters/render-markdown.js'
import {
  isReporterName,
  renderReport,
  REPORTERS,
} from '../../../src/harness/reporters/render-report.js'
import { reportFixture } from './report-fixture.js'

describe('renderReport', () => {
  const report = reportFixture()

  it.each([
    ['console', renderConsole],
    ['json', renderJson],
    ['junit', renderJunit],
    ['markdown', renderMarkdown],
    ['github', renderGithub],
    ['html', renderHtml],
  ] as const)('dispatches %s', (name, render) => {
    expect(renderReport(report, name)).toBe(render(report))
  })

  it('lists the reporters', () => {
    expect(REPORTERS).toEqual(['console', 'json', 'junit', 'markdown', 'github', 'html'])
  })
})

describe('isReporterName', () => {
  it.each([
    ['junit', true],
    ['html', true],
    ['xml', false],
    ['JSON', false],
    ['', false],
    [42, false],
    [undefined, false],
  ] as const)('%j → %s', (value, expected) => {
    expect(isReporterName(value)).toBe(expected)
  })
})
