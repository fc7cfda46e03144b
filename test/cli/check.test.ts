import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasPython } from '../helpers/has-python.js'
import { parseDuration } from '../../src/cli/option-values.js'
import { runEck } from '../helpers/run-eck.js'

/** The live (not zombie) processes whose command line contains `marker`. */
function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        return (
          !/^\d+ \(.*\) Z/.test(stat) &&
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)
        )
      } catch {
        return false
      }
    })
    .map(Number)
}

describe('eck check', () => {
  it(
    'passes the bundled aws-sdk client: exit 0, a matrix on stdout, progress on stderr',
    { timeout: 30_000 },
    async () => {
      const run = await runEck([
        'check',
        '--client',
        'aws-sdk',
        '--only',
        'success,polling,error.ConflictException',
      ])
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('success.in-progress')
      expect(run.stdout).toContain('error.ConflictException')
      expect(run.stdout).toMatch(/PASS/)
      expect(run.stderr).toMatch(/eck check: \[1\/\d+\] /)
      expect(run.stderr).toMatch(/skip polling\.complete/)
    },
  )

  it(
    'writes a JSON report to --output and still prints the console summary',
    { timeout: 30_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'eck-check-'))
      const file = join(dir, 'nested', 'report.json')
      const run = await runEck([
        'check',
        '--only',
        'encoding',
        '--reporter',
        'json',
        '--output',
        file,
        '--quiet',
      ])
      expect(run.code).toBe(0)
      expect(run.stderr).toBe(`eck check: json report written to ${file}\n`)
      const report = JSON.parse(readFileSync(file, 'utf8')) as {
        verdict: string
        scenarios: { id: string }[]
        client: string
      }
      expect(report.verdict).toBe('pass')
      expect(report.client).toBe('aws-sdk')
      expect(report.scenarios.map((scenario) => scenario.id)).toContain('encoding.type-nested')
      expect(run.stdout).toContain('encoding.type-nested')
    },
  )

  it('loads a TypeScript client module and runs it', { timeout: 30_000 }, async () => {
    const run = await runEck([
      'check',
      '--client',
      'test/fixtures/modules/typed-sdk-client.ts',
      '--only',
      'success.in-progress,failed-task.SomeFutureReasonCode',
      '--quiet',
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it(
    'fails (exit 1) a client that reports success for every error',
    { timeout: 30_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'eck-check-'))
      const file = join(dir, 'swallow.mjs')
      const { writeFileSync } = await import('node:fs')
      writeFileSync(
        file,
        "export default async () => ({ result: { TaskStatus: 'IN_PROGRESS', TaskId: 'task-0000000000000' } })\n",
      )
      const run = await runEck([
        'check',
        '--client',
        file,
        '--only',
        'error.ConflictException',
        '--quiet',
      ])
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/FAIL/)
      expect(run.stdout).toContain('error.ConflictException')
    },
  )

  it('lists the scenarios with --list, filtered by --only and --skip', async () => {
    const run = await runEck(['check', '--list', '--only', 'retry', '--skip', 'persistent'])
    expect(run.code).toBe(0)
    const ids = run.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[0])
    expect(ids).toContain('retry.lost-response')
    expect(ids.some((id) => id?.endsWith('.persistent'))).toBe(false)
  })

  it.runIf(hasPython())('runs a protocol v1 command', { timeout: 60_000 }, async () => {
    const run = await runEck([
      'check',
      '--command',
      'python3 examples/python-client.py',
      '--only',
      'success,encoding.header-uri',
      '--quiet',
    ])
    expect(run.code).toBe(0)
  })

  it(
    'runs a protocol v2 command: a process per scenario in flight, started once',
    { timeout: 60_000 },
    async () => {
      // Arrange
      const dir = mkdtempSync(join(tmpdir(), 'eck-check-v2-'))
      const file = join(dir, 'report.json')
      // Act
      const run = await runEck([
        'check',
        '--command',
        `"${process.execPath}" test/fixtures/clients/protocol-v2.mjs`,
        '--protocol',
        '2',
        '--only',
        'success,error,retry.500-json.once',
        '--concurrency',
        '2',
        '--reporter',
        `json:${file}`,
        '--quiet',
      ])
      // Assert
      expect(run.code).toBe(0)
      const report = JSON.parse(readFileSync(file, 'utf8')) as {
        verdict: string
        scenarios: { stderr?: string }[]
      }
      expect(report.verdict).toBe('pass')
      const starts = report.scenarios.filter((scenario) =>
        scenario.stderr?.includes('protocol-v2: started'),
      )
      expect(starts.length).toBeGreaterThanOrEqual(1)
      expect(starts.length).toBeLessThanOrEqual(2)
    },
  )

  it(
    'stops a protocol v2 run on Ctrl-C and leaves no client process behind',
    { timeout: 60_000 },
    async () => {
      // Arrange: a client with no timeout waits for ever on a server that never answers.
      const marker = `eck-v2-stop-${String(process.pid)}-${String(Date.now())}`
      let stop = (): void => undefined
      const stopped = new Promise<void>((resolve) => (stop = resolve))
      // Act
      const running = runEck(
        [
          'check',
          '--command',
          `"${process.execPath}" test/fixtures/clients/protocol-v2.mjs --defect no-timeout --marker ${marker}`,
          '--protocol',
          '2',
          '--only',
          'timeout.never-answers',
          '--quiet',
        ],
        '',
        stopped,
      )
      for (let i = 0; i < 100 && processesWith(marker).length === 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 50))
      expect(processesWith(marker).length).toBeGreaterThan(0)
      stop()
      const run = await running
      // Assert
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/eck check: stopped after 0 of 1 scenario\(s\); no verdict/)
      expect(processesWith(marker)).toEqual([])
    },
  )

  it.each([
    [
      ['check', '--client', 'nope'],
      /Unknown client "nope"\. Bundled clients: aws-sdk, aws-sdk-defaults, aws-sdk-polling/,
    ],
    [['check', '--client', './missing.ts'], /No client module at .*missing\.ts/],
    [
      ['check', '--client', 'test/fixtures/modules/no-default-export.mjs'],
      /has no default export function/,
    ],
    [
      ['check', '--client', 'test/fixtures/modules/throws-on-load.ts'],
      /Cannot load the client module .*throws-on-load\.ts: CLIENT_CONFIG is not set/,
    ],
    [['check', '--client', 'README.md'], /is not a JavaScript or TypeScript module/],
    [['check', '--client', 'aws-sdk', '--command', 'true'], /Give --client or --command, not both/],
    [
      ['check', '--command', 'true', '--protocol', '3'],
      /--protocol must be 1 \(a process per call\) or 2 \(one process, many calls\), got "3"/,
    ],
    [['check', '--protocol', '2'], /--protocol is for --command/],
    [
      ['check', '--command', 'true', '--calls-per-process', '2'],
      /--calls-per-process is for --protocol 2/,
    ],
    [['check', '--deadline', 'soon'], /--deadline must be a duration like 10s/],
    [['check', '--concurrency', '0'], /--concurrency must be a whole number from 1 to 256/],
    [
      ['check', '--reporter', 'xml'],
      /Unknown reporter "xml"\. Reporters: console, json, junit, markdown, github, html/,
    ],
    [['check', '--only', 'no-such-scenario'], /No scenario matches "no-such-scenario"/],
    [['check', '--revision', 'v9'], /revision/i],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const run = await runEck(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(2)
  })
})

describe('parseDuration', () => {
  it.each([
    ['10s', 10_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1500', 1500],
    ['0.5s', 500],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })
})

describe('eck check, hardened', () => {
  it('writes several reports in one run, each to its file', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eck-check-'))
    const run = await runEck([
      'check',
      '--only',
      'success.in-progress',
      '--reporter',
      `junit:${join(dir, 'eck.xml')}`,
      '--reporter',
      `html:${join(dir, 'eck.html')}`,
      '--quiet',
    ])
    expect(run.code).toBe(0)
    expect(readFileSync(join(dir, 'eck.xml'), 'utf8')).toContain('<testsuite')
    expect(readFileSync(join(dir, 'eck.html'), 'utf8')).toContain('<!doctype html>')
    expect(run.stdout).toMatch(/eck check: PASS/)
  })

  it(
    'keeps stdout for the report when an in-process client logs',
    { timeout: 30_000 },
    async () => {
      const run = await runEck([
        'check',
        '--client',
        'test/fixtures/modules/chatty-client.mjs',
        '--only',
        'success.in-progress',
        '--reporter',
        'json',
        '--quiet',
      ])
      expect(run.code).toBe(0)
      expect((JSON.parse(run.stdout) as { verdict: string }).verdict).toBe('pass')
      expect(run.stderr).toContain('calling the service for success.in-progress')
    },
  )

  it('fails a client that declares polling but never polls', { timeout: 30_000 }, async () => {
    const run = await runEck([
      'check',
      '--client',
      'test/fixtures/modules/fake-poller.mjs',
      '--only',
      'polling',
      '--quiet',
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('without polling ListEngagementByAcceptingInvitationTasks')
  })

  it(
    'fails a client that names errors by HTTP status on rule 9 error-name (must)',
    { timeout: 30_000 },
    async () => {
      const run = await runEck([
        'check',
        '--client',
        'test/fixtures/modules/status-mapper.mjs',
        '--only',
        'encoding,error.unknown-name',
        '--reporter',
        'json',
        '--quiet',
      ])
      const report = JSON.parse(run.stdout) as {
        checks: { id: string; number: number; severity: string; failed: number }[]
        scenarios: { id: string; findings: { check: string; passed: boolean; message: string }[] }[]
        verdict: string
      }
      const failing = (rule: string): string[] =>
        report.scenarios
          .filter((scenario) =>
            scenario.findings.some((finding) => finding.check === rule && !finding.passed),
          )
          .map((scenario) => scenario.id)
      expect(run.code).toBe(1)
      expect(report.verdict).toBe('fail')
      expect(report.checks.find((check) => check.id === 'error-name')).toMatchObject({
        number: 9,
        severity: 'must',
        failed: 6,
      })
      // Every form all the official SDKs read (the body's __type, with an agreeing header or none) is
      // named by status, so wrongly.
      expect(failing('error-name')).toEqual([
        'error.unknown-name',
        'encoding.type-and-header',
        'encoding.type-full',
        'encoding.type-bare',
        'encoding.type-other-namespace',
        'encoding.type-nested',
      ])
      expect(
        report.scenarios
          .find((scenario) => scenario.id === 'encoding.type-full')
          ?.findings.find((finding) => finding.check === 'error-name')?.message,
      ).toMatch(
        /^The client reported error ValidationException .* for 400 ConflictException; expected: an error named ConflictException\.$/,
      )
      // The forms only a protocol gap allows (a __type with :uri, header only, code only, disagreeing)
      // are a should rule.
      expect(failing('protocol-gap')).toEqual([
        'encoding.type-uri',
        'encoding.type-full-uri',
        'encoding.header-bare',
        'encoding.header-uri',
        'encoding.header-full-uri',
        'encoding.code-bare',
        'encoding.code-full',
        'encoding.code-full-uri',
        'encoding.body-before-header',
      ])
      expect(report.checks.find((check) => check.id === 'protocol-gap')?.severity).toBe('should')
    },
  )

  it.each([
    [['check', '--only', 'success', '--skip', 'success'], /leave no scenario to run/],
    [
      ['check', '--client', 'aws-sdk', '--only', 'polling'],
      /Every selected scenario needs a client that polls/,
    ],
    [['check', '--polls'], /--polls is for your own client/],
    [
      ['check', '--command', 'eck-no-such-program-xyz', '--only', 'success.in-progress'],
      /The shell could not run --command "eck-no-such-program-xyz" \(exit code 127/,
    ],
    [
      ['check', '--only', 'success.in-progress', '--output', 'README.md/report.json'],
      /Cannot write a report to .*README\.md\/report\.json/,
    ],
    [['check', '--reporter', 'junit', '--reporter', 'html'], /Only one report can go to stdout/],
    [
      ['check', '--reporter', 'junit:a.xml', '--output', 'b.xml'],
      /--output goes with one --reporter/,
    ],
  ])('exits 2 with one line for %j', { timeout: 30_000 }, async (argv, message) => {
    const run = await runEck(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})
