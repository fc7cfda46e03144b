/**
 * The harness catches broken clients: each fixture under test/fixtures/clients/ is the correct base
 * client (plain fetch + SigV4, no AWS SDK) with ONE deliberate defect, run against the scenarios that
 * should expose it. The check meant to catch the defect must fail; the verdict must be `fail` for a
 * must defect and `pass` (with should failures) for a should-only one. The correct base client and the
 * bundled AWS SDK client pass every must check on the full catalog.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { ruleInfo } from '../../src/judge/rulebook.js'
import { createAwsSdkClient } from '../../src/judge/clients/aws-sdk-client.js'
import {
  commandConformanceClient,
  moduleConformanceClient,
  type ConformanceClient,
} from '../../src/judge/conformance-client.js'
import type { ConformanceReport } from '../../src/harness/conformance-report.js'
import type { ClientFunction } from '../../src/judge/module-client.js'
import { runConformance } from '../../src/harness/run-conformance.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../fixtures/clients/', import.meta.url))
const RUNNER = 'test/fixtures/clients/protocol-v1.mjs'

type Kind = 'module' | 'protocol-v1'

/**
 * [fixture file (without .mjs), how it runs, EXACTLY the rules it fails on these scenarios (none for a
 * regression case that must pass), the scenarios to run, options].
 */
type Row = readonly [
  fixture: string,
  kind: Kind,
  fails: readonly string[],
  only: readonly string[],
  options?: { readonly deadlineMs?: number; readonly atMost?: true },
]

const TABLE: readonly Row[] = [
  ['no-retries', 'module', ['retries-transient'], ['retry']],
  [
    'retries-expired-token',
    'module',
    ['stops-on-final', 'bounded'],
    ['front-door.credentials.expired', 'front-door.ExpiredTokenException.persistent'],
  ],
  [
    'final-service-unavailable',
    'module',
    ['retries-transient'],
    ['front-door.ServiceUnavailable.once', 'front-door.ServiceUnavailable.persistent'],
  ],
  [
    'names-by-status',
    'module',
    ['error-name'],
    [
      'front-door.ExpiredTokenException.once',
      'front-door.OptInRequired.status-400',
      'front-door.credentials.denied',
    ],
  ],
  ['retries-4xx', 'module', ['stops-on-final'], ['no-retry']],
  [
    'new-token-per-attempt',
    'module',
    ['same-request', 'one-task'],
    ['retry.lost-response', 'retry.500-json.once'],
  ],
  ['unbounded-retries', 'module', ['bounded'], ['retry.503-empty.persistent']],
  [
    'drops-reason-code',
    'module',
    ['result-from-answer'],
    ['failed-task.InvitationValidationFailed', 'failed-task.SomeFutureReasonCode'],
  ],
  ['crashes-on-unknown-enum', 'module', ['reports'], ['failed-task.SomeFutureReasonCode']],
  ['wrong-content-type', 'module', ['wire'], ['success.in-progress']],
  ['wrong-target', 'protocol-v1', ['wire'], ['success.in-progress', 'success.complete']],
  ['wrong-signing-name', 'module', ['wire'], ['success.in-progress']],
  [
    'swallows-errors',
    'module',
    ['result-has-task', 'error-name', 'invalid-input'],
    ['no-retry', 'invalid.Identifier', 'invalid.Catalog'],
  ],
  ['no-client-token', 'protocol-v1', ['wire'], ['success.no-client-token']],
  ['unsigned', 'module', ['wire'], ['success.in-progress']],
  ['crashes-on-html', 'module', ['reports'], ['malformed', 'retry.502-html.once']],
  // 4 s, not 3: the correct client gives up after 3 attempts of 1 s plus backoff (~3.2 s).
  ['no-timeout', 'module', ['patience'], ['timeout'], { deadlineMs: 4000 }],
  ['wrong-task-id', 'module', ['result-from-answer'], ['success']],
  // boto3 reads only __type: header-only and code-only names are a protocol gap (should), no must fails.
  ['reads-type-only', 'module', ['protocol-gap'], ['encoding']],
  ['ignores-retry-after', 'module', ['retry-after'], ['retry.retry-after']],
  // A body that means the same JSON in another key order is the same request (compared by meaning).
  ['changes-body', 'module', [], ['retry.500-json.once', 'retry.reset-before.once']],
  [
    'always-in-progress',
    'module',
    ['result-from-answer'],
    ['success.complete', 'failed-task.InvitationValidationFailed'],
  ],
  [
    'exit-code-3',
    'protocol-v1',
    ['reports'],
    ['error.ConflictException', 'error.ResourceNotFoundException'],
  ],
  ['non-json-output', 'protocol-v1', ['reports'], ['success.in-progress']],
  // Six attempts about 19 ms apart: the backoff rule's 20 ms line is proven by table tests on built
  // runs; here the fixture may only fail that should rule (a slow machine spreads its attempts).
  [
    'no-backoff',
    'module',
    ['backoff'],
    ['retry.503-empty.persistent', 'retry.reset-before.persistent'],
    { atMost: true },
  ],
  [
    'wrong-task-id-after-retry',
    'module',
    ['result-from-answer'],
    ['retry.500-json.once', 'retry.reset-before.once'],
  ],
  ['drops-complete-ids', 'module', ['result-from-answer'], ['success.complete']],
  [
    'invents-result',
    'module',
    ['result-from-answer'],
    ['malformed.html-200', 'malformed.truncated-json'],
  ],
  [
    'passes-empty-result',
    'module',
    ['result-has-task'],
    ['malformed.empty-200', 'malformed.not-an-object'],
  ],
  [
    'serialization-for-invalid',
    'module',
    ['error-name'],
    ['invalid.Identifier', 'error.ValidationException'],
  ],
  ['wrong-path', 'module', ['wire'], ['success.in-progress']],
  ['gives-up-without-sending', 'module', ['sends'], ['timeout']],
]

async function loadClient(fixture: string): Promise<ClientFunction> {
  const module = (await import(`../fixtures/clients/${fixture}.mjs`)) as { default: ClientFunction }
  return module.default
}

async function conformanceClientOf(fixture: string, kind: Kind): Promise<ConformanceClient> {
  if (kind === 'module') return moduleConformanceClient(fixture, await loadClient(fixture))
  // protocol v1 runs a shell command: give it the parent's PATH and the node running the tests.
  return commandConformanceClient(`"${process.execPath}" ${RUNNER} --defect ${fixture}`, {
    env: process.env,
    cwd: ROOT,
  })
}

function failedChecks(report: ConformanceReport): string[] {
  return report.checks.filter((check) => check.failed > 0).map((check) => check.id)
}

/** What each run caught, for the summary printed at the end. */
const detections: {
  fixture: string
  kind: Kind
  catches: readonly string[]
  failed: string[]
  caught: boolean
  verdict: string
  scenarios: number
  ms: number
}[] = []

afterAll(() => {
  if (detections.length === 0) return
  const lines = [
    '| fixture | kind | meant to be caught by | checks that failed (failed findings) | verdict | caught | scenarios run | ms |',
    '|---|---|---|---|---|---|---|---|',
    ...detections.map(
      (row) =>
        `| ${row.fixture} | ${row.kind} | ${row.catches.map((id) => `${ruleInfo(id).number} ${id}`).join(', ') || '(none: passes)'} | ${row.failed.join(', ')} | ${row.verdict} | ${row.caught ? 'yes' : 'NO'} | ${row.scenarios} | ${row.ms} |`,
    ),
  ]
  const caught = detections.filter((row) => row.caught).length
  console.log(
    `Broken-client detection: ${caught}/${detections.length} fixtures caught by their intended check\n${lines.join('\n')}`,
  )
})

describe('the harness passes correct clients', () => {
  it('passes the base client (fetch + SigV4, no SDK) on the full catalog; it does not correct a skewed clock (a should)', async () => {
    // Arrange
    const client = moduleConformanceClient('base-client', await loadClient('base-client'))
    // Act
    const report = await runConformance(client)
    // Assert
    expect(
      report.scenarios.flatMap((scenario) =>
        scenario.findings
          .filter((finding) => !finding.passed)
          .map((finding) => `${scenario.id}: ${finding.check}`),
      ),
    ).toEqual(['front-door.clock.ahead: corrects-clock', 'front-door.clock.behind: corrects-clock'])
    expect(report.summary.mustFailures).toBe(0)
    expect(report.verdict).toBe('pass')
  }, 60_000)

  it('passes the bundled AWS SDK client on the full catalog, correcting a skewed clock', async () => {
    const report = await runConformance(
      moduleConformanceClient('aws-sdk', createAwsSdkClient('aws-sdk')),
    )
    expect(report.summary.mustFailures).toBe(0)
    expect(report.verdict).toBe('pass')
    // On loopback, the real JS SDK passes every rule, must and should, of every front-door scenario.
    const frontDoor = report.scenarios.filter((scenario) => scenario.id.startsWith('front-door.'))
    expect(frontDoor.length).toBeGreaterThan(30)
    expect(
      frontDoor.filter((scenario) => scenario.status !== 'passed').map((scenario) => scenario.id),
    ).toEqual([])
    const clock = report.scenarios.filter((scenario) => scenario.id.startsWith('front-door.clock.'))
    expect(clock.map((scenario) => [scenario.id, scenario.status])).toEqual([
      ['front-door.clock.ahead', 'passed'],
      ['front-door.clock.behind', 'passed'],
    ])
    for (const scenario of clock)
      expect(scenario.findings.find((finding) => finding.check === 'corrects-clock')?.passed).toBe(
        true,
      )
  }, 60_000)

  it('passes the base client run through the protocol v1 runner (the runner is not what breaks the v1 fixtures)', async () => {
    const client = commandConformanceClient(`"${process.execPath}" ${RUNNER}`, {
      env: process.env,
      cwd: ROOT,
    })
    const report = await runConformance(client, {
      only: [
        'success.in-progress',
        'success.no-client-token',
        'error.ConflictException',
        'retry.reset-before.once',
      ],
    })
    expect(failedChecks(report)).toEqual([])
    expect(report.verdict).toBe('pass')
  }, 60_000)
})

describe('the harness catches broken clients', () => {
  it('has at least 15 fixtures, 3 of them protocol v1 commands', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(15)
    expect(TABLE.filter(([, kind]) => kind === 'protocol-v1').length).toBeGreaterThanOrEqual(3)
  })

  it('names in each fixture header exactly the rules it fails, with their severities (bench/fuzz.ts reads them)', async () => {
    for (const [fixture, kind, catches] of TABLE) {
      // Arrange
      const source = await readFile(`${FIXTURES}${fixture}.mjs`, 'utf8')
      const header = source.slice(0, source.indexOf('*/'))
      // Act
      const caught = /Caught by: (.*)/.exec(header)?.[1] ?? ''
      const named = [...caught.matchAll(/`([a-z-]+)` \((must|should)\)/g)].map(
        ([, id = '', severity = '']) => `${id} (${severity})`,
      )
      // Assert
      expect(named, fixture).toEqual(catches.map((id) => `${id} (${ruleInfo(id).severity})`))
      expect(/protocol-v1 command/.test(header), fixture).toBe(kind === 'protocol-v1')
    }
  })

  for (const [fixture, kind, catches, only, options] of TABLE) {
    const mustDefect = catches.some((id) => ruleInfo(id).severity === 'must')
    it(`${fixture} (${kind}) fails exactly ${catches.length === 0 ? 'no rule' : catches.join(', ')}`, async () => {
      // Arrange: the fixture documents its defect and the rule(s) meant to catch it.
      const source = await readFile(`${FIXTURES}${fixture}.mjs`, 'utf8')
      expect(source).toMatch(/^\/\*\*[\s\S]*?Defect:[\s\S]*?\*\//)
      for (const id of catches) expect(source).toContain(`\`${id}\``)
      const client = await conformanceClientOf(fixture, kind)
      // Act
      const started = performance.now()
      const report = await runConformance(client, {
        only,
        concurrency: 8,
        ...(options?.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
      })
      // Assert: the rules meant to catch it fail, and no other (a new false alarm shows up here).
      const failed = report.checks.filter((check) => check.failed > 0)
      detections.push({
        fixture,
        kind,
        catches,
        failed: failed.map((check) => `${check.number} ${check.id} (${check.failed})`),
        caught: catches.every((id) => failed.some((check) => check.id === id)),
        verdict: report.verdict,
        scenarios: report.scenarios.length,
        ms: Math.round(performance.now() - started),
      })
      if (options?.atMost === true) {
        for (const id of failedChecks(report)) expect(catches).toContain(id)
      } else
        expect(failedChecks(report)).toEqual(
          [...catches].sort((a, b) => ruleInfo(a).number - ruleInfo(b).number),
        )
      expect(report.verdict).toBe(mustDefect ? 'fail' : 'pass')
    }, 90_000)
  }
})
