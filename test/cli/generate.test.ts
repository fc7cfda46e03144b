import { describe, expect, it } from 'vitest'
import { validateRequest } from '../../src/validators/validate-request.js'
import { runEck } from '../helpers/run-eck.js'

const lines = (text: string): unknown[] =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown)

describe('eck generate', () => {
  it('prints N valid requests as NDJSON that the validator accepts', async () => {
    const run = await runEck(['generate', 'request', '-n', '25', '--seed', '7'])
    expect(run.code).toBe(0)
    const values = lines(run.stdout)
    expect(values).toHaveLength(25)
    for (const value of values) expect(validateRequest(value).issues).toEqual([])
  })

  it('gives the same lines for the same seed, and prints a drawn seed on stderr otherwise', async () => {
    const first = await runEck(['generate', 'request', '--invalid', '-n', '1500', '--seed', '99'])
    const second = await runEck(['generate', 'request', '--invalid', '-n', '1500', '--seed', '99'])
    expect(first.stdout).toBe(second.stdout)
    expect(first.stderr).toBe('')
    const unseeded = await runEck(['generate', 'request', '-n', '1'])
    expect(unseeded.stderr).toMatch(/^seed \d+ \(replay with --seed=\d+\)\n$/)
  })

  it('replays a negative seed given as --seed=N', async () => {
    const first = await runEck(['generate', 'request', '-n', '3', '--seed=-936698937'])
    expect(first.code).toBe(0)
    expect((await runEck(['generate', 'request', '-n', '3', '--seed=-936698937'])).stdout).toBe(
      first.stdout,
    )
  })

  it('tags invalid values with field, rule and expectedCode', async () => {
    const run = await runEck([
      'generate',
      'request',
      '--invalid',
      '--field',
      'Identifier',
      '--rule',
      'lookalike',
      '-n',
      '5',
      '--seed',
      '1',
    ])
    for (const value of lines(run.stdout) as {
      input: unknown
      violations: { field: string; rule: string; expectedCode: string }[]
    }[]) {
      expect(value.violations).toEqual([
        {
          member: 'Identifier',
          field: 'Identifier',
          rule: 'lookalike',
          expectedCode: 'INVALID_STRING_FORMAT',
        },
      ])
      expect(validateRequest(value.input).issues.map((issue) => issue.Code)).toContain(
        'INVALID_STRING_FORMAT',
      )
    }
  })

  it('prints fields, invalid fields, responses and errors', async () => {
    expect(
      lines(
        (
          await runEck([
            'generate',
            'field',
            '--field',
            'ClientToken',
            '-n',
            '3',
            '--revision',
            'reference',
            '--seed',
            '1',
          ])
        ).stdout,
      ),
    ).toHaveLength(3)
    const invalid = lines(
      (
        await runEck([
          'generate',
          'field',
          '--field',
          'Catalog',
          '--invalid',
          '--rule',
          'empty',
          '-n',
          '1',
          '--seed',
          '1',
        ])
      ).stdout,
    )
    expect(invalid[0]).toMatchObject({
      value: '',
      field: 'Catalog',
      rule: 'empty',
      expectedCode: 'INVALID_STRING_FORMAT',
    })
    expect(
      lines(
        (await runEck(['generate', 'response', '--invalid', '-n', '3', '--seed', '1'])).stdout,
      )[0],
    ).toHaveProperty('violations')
    expect(
      lines(
        (
          await runEck([
            'generate',
            'error',
            '--field',
            'ConflictException',
            '-n',
            '2',
            '--seed',
            '1',
          ])
        ).stdout,
      )[0],
    ).toMatchObject({ name: 'ConflictException', status: 409 })
  })

  it.each([
    [['generate', 'thing'], /Unknown kind "thing"/],
    [['generate', 'field'], /field needs --field/],
    [['generate', 'field', '--field', 'Nope'], /Unknown field "Nope"/],
    [
      ['generate', 'request', '--invalid', '--field', 'Identifier', '--rule', 'nope'],
      /Rules of Identifier: empty/,
    ],
    [['generate', 'request', '-n', '0'], /-n must be a whole number from 1 to 1000000, got 0/],
    [['generate', 'request', '--seed', 'x'], /--seed must be a whole number, got "x"/],
    [['generate', 'error', '--invalid'], /--invalid is not available for error/],
    [['generate', 'request', '--rule', 'too-long'], /--rule selects a broken rule: add --invalid/],
    [
      ['generate', 'request', '--field', 'Identifier'],
      /add --invalid, or use `eck generate field --field Identifier`/,
    ],
    [['generate', 'request', '--seed', ''], /Option --seed has an empty value/],
    [['generate', 'request', '--seed='], /Option --seed has an empty value/],
  ])('exits 2 with a reason for %j', async (argv, pattern) => {
    const run = await runEck(argv)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(pattern)
  })
})
