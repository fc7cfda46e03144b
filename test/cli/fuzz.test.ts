import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseShard } from '../../src/cli/commands/fuzz.js'
import { RULE_IDS } from '../../src/judge/rulebook.js'
import { runEck } from '../helpers/run-eck.js'

describe('eck fuzz', () => {
  it(
    'passes the bundled client: exit 0, a coverage summary, progress on stderr',
    { timeout: 60_000 },
    async () => {
      const run = await runEck(['fuzz', '--runs', '60', '--seed', '11', '--model-runs', '3'])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(
        /eck fuzz — client aws-sdk, revision 2025-12, seed 11, shard 1\/1, 8 worker\(s\)/,
      )
      expect(run.stdout).toMatch(/covered fault kinds: /)
      expect(run.stdout).toMatch(/eck fuzz: PASS — 0 failure\(s\), 0 warning\(s\) in 60 run\(s\)/)
      expect(run.stderr).toMatch(/eck fuzz: 60\/60 runs, 0 failure\(s\), \d+ calls\/s/)
    },
  )

  it(
    'fails a broken client with the shrunk case, saves it to the corpus, and replays it',
    { timeout: 60_000 },
    async () => {
      const corpus = mkdtempSync(join(tmpdir(), 'eck-fuzz-'))
      const client = 'test/fixtures/clients/new-token-per-attempt.mjs'
      const run = await runEck([
        'fuzz',
        '--client',
        client,
        '--runs',
        '300',
        '--seed',
        '3',
        '--model-runs',
        '0',
        '--corpus',
        corpus,
        '--quiet',
      ])
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /^ {2}same-request \(must: every attempt carries the same ClientToken and the same body[^)]*\)\): The client changed the ClientToken between attempts/m,
      )
      // Every violation is named by a rule id of the rulebook (or task-model for model-based runs).
      const named = [...run.stdout.matchAll(/^ {2}([a-z-]+) \((?:must|should): /gm)].map(
        (match) => match[1],
      )
      expect(named.length).toBeGreaterThanOrEqual(1)
      for (const id of named) expect([...RULE_IDS, 'task-model']).toContain(id)
      const replay = /replay: eck fuzz … --replay=(\S+)/.exec(run.stdout)?.[1]
      expect(replay).toBeDefined()
      expect(readdirSync(corpus).length).toBeGreaterThanOrEqual(1)
      const again = await runEck([
        'fuzz',
        '--client',
        client,
        `--replay=${replay ?? ''}`,
        '--quiet',
      ])
      expect(again.code).toBe(1)
      expect(again.stdout).toMatch(/in 1 run\(s\)/)
    },
  )

  it(
    'writes a JUnit report with one test case per rule and task-model',
    { timeout: 60_000 },
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'eck-fuzz-')), 'fuzz.xml')
      const run = await runEck([
        'fuzz',
        '--client',
        'test/fixtures/clients/no-retries.mjs',
        '--runs',
        '100',
        '--seed',
        '1',
        '--model-runs',
        '0',
        '--reporter',
        'junit',
        '--output',
        file,
        '--quiet',
      ])
      expect(run.code).toBe(1)
      const xml = readFileSync(file, 'utf8')
      expect(xml.match(/<testcase /g)).toHaveLength(RULE_IDS.length + 1)
      expect(RULE_IDS).toHaveLength(21)
      const names = [...xml.matchAll(/<testcase classname="eck.fuzz" name="([a-z-]+): /g)].map(
        (match) => match[1],
      )
      expect(names).toEqual([...RULE_IDS, 'task-model'])
      expect(xml).toMatch(
        /<testcase classname="eck.fuzz" name="retries-transient: [^"]*" time="0">\s*<failure message="The client gave up after one attempt/,
      )
      expect(run.stdout).toMatch(/eck fuzz: FAIL/)
    },
  )

  it(
    'fuzzes a protocol v2 command: one process per worker, closed at the end',
    { timeout: 60_000 },
    async () => {
      const run = await runEck([
        'fuzz',
        '--command',
        `"${process.execPath}" test/fixtures/clients/protocol-v2.mjs`,
        '--protocol',
        '2',
        '--runs',
        '80',
        '--seed',
        '7',
        '--workers',
        '4',
        '--quiet',
      ])
      expect(run.code, run.stdout).toBe(0)
      // The base client signs with its own clock: a skewed server is its only warning (corrects-clock, a should).
      expect(run.stdout).toMatch(
        /eck fuzz: PASS — 0 failure\(s\), [01] warning\(s\) in 80 run\(s\)/,
      )
      expect(run.stdout.match(/^warning \(should[^:]*: (\S+)/gm) ?? []).toEqual(
        run.stdout.includes('warning (should')
          ? ['warning (should, not a failure unless --strict): corrects-clock']
          : [],
      )
    },
  )

  it.each([
    [['fuzz', '--runs', '0'], /--runs must be a whole number from 1 to 10000000, got "0"/],
    [['fuzz', '--shard', '3/2'], /--shard must be i\/n with 1 <= i <= n/],
    [['fuzz', '--replay', 'abc'], /--replay needs <seed>:<path>/],
    [['fuzz', '--reporter', 'html'], /Unknown reporter "html"\. Reporters: console, json, junit/],
    [['fuzz', '--time-limit', 'soon'], /--time-limit must be a duration/],
    [['fuzz', '--client', 'nope'], /Unknown client "nope"/],
    [['fuzz', '--protocol', '2'], /--protocol is for --command/],
    [
      ['fuzz', '--command', 'true', '--protocol', '2', '--calls-per-process', '300'],
      /--calls-per-process must be a whole number from 1 to 256, got "300"/,
    ],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const run = await runEck(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(2)
  })

  it('reads --shard', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 })
    expect(() => parseShard('0/4')).toThrow(/--shard/)
  })
})
