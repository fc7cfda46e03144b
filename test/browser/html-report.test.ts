/**
 * The self-contained HTML report of a failing run, opened from a file in headless Chromium (Debian's
 * `chromium`, driven by playwright-core) and read as a person reads it: the verdict, the scenarios × checks
 * matrix with the failed cells marked, a failed scenario's details and journal reached from the matrix, no
 * request leaving the page and no console error. `UPDATE_SCREENSHOT=1` rewrites docs/html-report.png (the
 * README's picture). (It lives here rather than beside the renderer's unit tests because it needs a browser.)
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  RULE_IDS,
  moduleConformanceClient,
  renderReport,
  runConformance,
  type ClientFunction,
} from '../../src/harness/index.js'
import { packageRoot } from '../../src/internal/package-root.js'
import { packageVersion } from '../../src/internal/package-version.js'

// The page's globals used by code that runs in the browser (the test program has no DOM lib).
declare const getComputedStyle: (element: unknown) => { readonly color: string }
declare const location: { readonly hash: string }
declare const window: { scrollTo(x: number, y: number): void }

const CHROMIUM = '/usr/bin/chromium'
const FIXTURE = 'drops-reason-code'
// Everything that would reach the network on its own is off, and a dead proxy catches the rest.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication',
  '--metrics-recording-only',
  '--no-first-run',
  '--no-pings',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
]
const missing = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is missing (install Debian's package: apt-get install chromium)`
if (missing !== undefined) console.warn(`[html-report browser test] skipped: ${missing}`)

describe.skipIf(missing !== undefined)(
  `the HTML report in headless Chromium${missing === undefined ? '' : ` (skipped: ${missing})`}`,
  () => {
    let browser: Browser | undefined
    let page: Page
    let dir = ''
    let failedIds: string[]
    let scenarioCount: number
    const requests: string[] = []
    const consoleErrors: string[] = []

    beforeAll(async () => {
      // A real failing run: the fixture client that drops the ReasonCode of a FAILED task.
      const module = (await import(`../fixtures/clients/${FIXTURE}.mjs`)) as {
        default: ClientFunction
      }
      const report = await runConformance(moduleConformanceClient(FIXTURE, module.default), {
        only: ['success', 'failed-task'],
        tool: packageVersion(),
      })
      failedIds = report.scenarios.filter((s) => s.status === 'failed').map((s) => s.id)
      scenarioCount = report.scenarios.length
      dir = mkdtempSync(join(tmpdir(), 'eck-html-report-'))
      const file = join(dir, 'eck.html')
      writeFileSync(file, renderReport(report, 'html'))

      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        headless: true,
      })
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
      const url = pathToFileURL(file).href
      await context.route('**/*', async (route) => {
        if (route.request().url() === url) {
          await route.continue()
          return
        }
        requests.push(route.request().url())
        await route.abort()
      })
      page = await context.newPage()
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text())
      })
      page.on('pageerror', (error) => consoleErrors.push(error.message))
      await page.goto(url)
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      if (dir !== '') rmSync(dir, { recursive: true, force: true })
    })

    it('shows the verdict FAIL', async () => {
      const heading = page.locator('h1')
      await expect.poll(() => heading.textContent()).toBe('eck check: FAIL')
      expect(await heading.isVisible()).toBe(true)
      expect(failedIds.length).toBeGreaterThan(0)
    })

    it('shows the scenarios × rules matrix, with a result-from-answer cell marked ✗ on each failed scenario', async () => {
      // Arrange
      const matrix = page.locator('table.matrix')
      const column = RULE_IDS.indexOf('result-from-answer')
      // Act
      const header = await matrix.locator('tr').first().locator('th').allTextContents()
      const rows = matrix.locator('tr').filter({ has: page.locator('td a') })
      // Assert
      expect(await matrix.isVisible()).toBe(true)
      expect(header).toHaveLength(RULE_IDS.length + 1)
      expect(await rows.count()).toBe(scenarioCount)
      for (const id of failedIds) {
        const row = rows.filter({ has: page.getByRole('link', { name: id, exact: true }) })
        const cell = row.locator('td.cell').nth(column)
        expect(await cell.textContent()).toBe('✗')
        expect(await cell.getAttribute('class')).toBe('cell fail')
        const colour = await cell.evaluate((element) => getComputedStyle(element).color)
        const passColour = await matrix
          .locator('td.cell.pass')
          .first()
          .evaluate((element) => getComputedStyle(element).color)
        expect(colour).not.toBe(passColour)
      }
    })

    it("reaches a failed scenario's details and journal from the matrix", async () => {
      // Arrange
      const id = failedIds[0] ?? ''
      // Act
      await page.getByRole('link', { name: id, exact: true }).first().click()
      const hash = await page.evaluate(() => location.hash)
      const target = page.locator(`details${hash}`)
      await target.locator('summary').first().click()
      const journal = target.locator('details', { hasText: 'Journal' }).first()
      if ((await journal.getAttribute('open')) === null)
        await journal.locator('summary').first().click()
      // Assert
      expect(hash).toMatch(/^#s-\d+$/)
      expect(await target.getAttribute('open')).not.toBeNull()
      expect(await target.locator('summary').first().textContent()).toContain(id)
      expect(await target.getByText('failed-task', { exact: true }).first().isVisible()).toBe(true)
      const journalText = await journal.locator('table').innerText()
      expect(journalText).toContain('StartEngagementByAcceptingInvitationTask')
      expect(await journal.locator('table').isVisible()).toBe(true)
    })

    it('sends no request and logs no console error', async () => {
      if (process.env.UPDATE_SCREENSHOT === '1') {
        await page.evaluate(() => {
          window.scrollTo(0, 0)
        })
        await page.screenshot({ path: join(packageRoot(), 'docs', 'html-report.png') })
      }
      expect(requests).toEqual([])
      expect(consoleErrors).toEqual([])
    })
  },
)
