import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runEck } from '../helpers/run-eck.js'

const valid = JSON.stringify({
  Catalog: 'Sandbox',
  ClientToken: 't-1',
  Identifier: 'engi-0123456789abc',
})
let dir = ''
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eck-validate-'))
})

describe('eck validate', () => {
  it('exits 0 for a valid request file', async () => {
    const run = await runEck(['validate', 'request', file('ok.json', valid)])
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toMatch(
      /✓ .*ok\.json: valid StartEngagementByAcceptingInvitationTask request \(revision 2025-12\)/,
    )
  })

  it('reads stdin from - and from no file', async () => {
    expect((await runEck(['validate', 'request', '-'], valid)).code).toBe(0)
    expect((await runEck(['validate', 'request'], valid)).code).toBe(0)
  })

  it('exits 1 listing field, code, message and the value cut to 80 characters', async () => {
    // Arrange
    const input = JSON.stringify({
      Catalog: 'AWS',
      ClientToken: 'x'.repeat(300),
      Identifier: 'ENGI-0123456789abc',
    })
    // Act
    const run = await runEck(['validate', 'request', '-'], input)
    // Assert
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Identifier: INVALID_STRING_FORMAT')
    expect(run.stdout).toContain('value: "ENGI-0123456789abc"')
    const tokenValue = run.stdout.split('\n').find((line) => line.includes('value: "xxx'))
    expect(tokenValue?.trim().length).toBeLessThanOrEqual('value: '.length + 80)
  })

  it('prints a JSON report with --json', async () => {
    const run = await runEck(
      ['validate', 'request', '-', '--json', '--revision', 'reference'],
      JSON.stringify({ Catalog: 'AWS', ClientToken: 'a b', Identifier: 'engi-0123456789abc' }),
    )
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual({
      issues: [
        {
          Code: 'INVALID_STRING_FORMAT',
          FieldName: 'ClientToken',
          Message: expect.stringContaining('^[!-~]{1,64}$') as unknown,
          value: '"a b"',
        },
      ],
      kind: 'request',
      revision: 'reference',
      valid: false,
      warnings: [],
    })
  })

  it('validates responses, errors and List shapes', async () => {
    expect(
      (
        await runEck(
          ['validate', 'response', '-'],
          '{"TaskStatus":"IN_PROGRESS","TaskId":"task-0123456789abc"}',
        )
      ).code,
    ).toBe(0)
    expect(
      (
        await runEck(
          ['validate', 'error', '-'],
          '{"__type":"ThrottlingException","Message":"slow down"}',
        )
      ).stdout,
    ).toContain('(ThrottlingException)')
    expect(
      (await runEck(['validate', 'error', '-', '--name', 'ConflictException'], '{"Message":"m"}'))
        .code,
    ).toBe(0)
    expect(
      (await runEck(['validate', 'list-request', '-'], '{"Catalog":"AWS","MaxResults":0}')).code,
    ).toBe(1)
    expect((await runEck(['validate', 'list-response', '-'], '{"TaskSummaries":[]}')).code).toBe(0)
  })

  it('escapes control characters of member names so that no line breaks and no terminal escape gets through', async () => {
    const run = await runEck(
      ['validate', 'request', '-'],
      JSON.stringify({
        'evil\nline\u001b[31mRED': 1,
        Catalog: 'AWS',
        ClientToken: 't',
        Identifier: 'engi-0123456789abc',
      }),
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('evil\\u000aline\\u001b[31mRED')
    expect(run.stdout).not.toContain('\u001b')
  })

  it('treats --json given twice as --json', async () => {
    const run = await runEck(['validate', 'request', '-', '--json', '--json'], valid)
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true })
  })

  it('warns on stderr about a Catalog other than AWS or Sandbox and still exits 0', async () => {
    const run = await runEck(['validate', 'request', '-'], valid.replace('Sandbox', 'Prod'))
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^warning: Catalog "Prod" is not a known catalog/)
  })

  it.each([
    ['JSON that is not an object', '[1,2]', /The input must be an object\./],
    [
      'a __proto__ key',
      '{"__proto__":{"x":1},"Catalog":"AWS","ClientToken":"t","Identifier":"engi-0123456789abc"}',
      /__proto__: INVALID_VALUE/,
    ],
    [
      'a constructor key',
      '{"constructor":1,"Catalog":"AWS","ClientToken":"t","Identifier":"engi-0123456789abc"}',
      /constructor: INVALID_VALUE/,
    ],
  ])('exits 1 for %s', async (_, text, pattern) => {
    const run = await runEck(['validate', 'request', '-'], text)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(pattern)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('exits 1 or 2 with a one-line reason for JSON nested 100,000 levels deep', async () => {
    const deep = `{"Catalog":${'['.repeat(100_000)}${']'.repeat(100_000)},"ClientToken":"t","Identifier":"engi-0123456789abc"}`
    const run = await runEck(['validate', 'request', file('deep.json', deep)])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Catalog: INVALID_VALUE')
    expect(run.stdout.length).toBeLessThan(1000)
  })

  it.each([
    [
      'a missing file',
      () => ['validate', 'request', join(dir, 'nope.json')],
      /^eck: File not found: ".*nope\.json"/,
    ],
    ['a directory', () => ['validate', 'request', dir], /is a directory/],
    [
      'text that is not JSON',
      () => ['validate', 'request', file('bad.json', '{\n  "Catalog": "AWS",\n}')],
      /is not JSON: line 3, column 1: /,
    ],
    [
      'a file over 10 MiB',
      () => ['validate', 'request', file('big.json', Buffer.alloc(10 * 1024 * 1024 + 1, 0x20))],
      /larger than 10 MiB/,
    ],
    [
      'invalid UTF-8',
      () => [
        'validate',
        'request',
        file('latin1.json', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])),
      ],
      /not valid UTF-8/,
    ],
    [
      'an unknown kind',
      () => ['validate', 'answer', '-'],
      /Unknown document kind "answer"\. Known: request, response, error/,
    ],
    [
      'an unknown revision',
      () => ['validate', 'request', '-', '--revision', '2024'],
      /Unknown revision "2024"/,
    ],
    [
      'an unknown option',
      () => ['validate', 'request', '-', '--strict'],
      /Unknown option `--strict`/,
    ],
    ['a missing kind', () => ['validate'], /missing required args/],
  ])('exits 2 with a one-line reason for %s', async (_, argv, pattern) => {
    const run = await runEck(argv(), '{}')
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(pattern)
    expect(lines[1]).toBe('Try: eck validate --help')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 for text on stdin that is not JSON, with line and column', async () => {
    const run = await runEck(['validate', 'request', '-'], '{"a": tru}')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      /^eck: Standard input is not JSON: line 1, column 7: unexpected character "t"/,
    )
  })
})
