import { describe, expect, it } from 'vitest'
import { assertValidRequest, validateRequest } from '../../src/validators/validate-request.js'
import { ContractValidationError } from '../../src/validators/issue.js'
import { expectIssue, expectValid } from '../helpers/expect-issue.js'

const base = { Catalog: 'Sandbox', ClientToken: 'token-1', Identifier: 'engi-0123456789abc' }
const arnOfLength = (length: number): string => `arn:${'a'.repeat(length - 4)}`

describe('validateRequest (revision 2025-12)', () => {
  it('accepts the minimal valid request', () => {
    expectValid(validateRequest(base))
  })

  it.each([['AWS'], ['Sandbox'], ['abcXYZ']])('accepts Catalog %j', (Catalog) => {
    expectValid(validateRequest({ ...base, Catalog }))
  })

  it.each([[''], ['AWS1'], ['Sand box'], ['AWS-'], ['Ѕandbox']])(
    'rejects Catalog %j',
    (Catalog) => {
      expectIssue(validateRequest({ ...base, Catalog }), 'Catalog', 'INVALID_STRING_FORMAT')
    },
  )

  it('warns about a schema-valid Catalog other than AWS or Sandbox', () => {
    // Arrange
    const input = { ...base, Catalog: 'sandbox' }
    // Act
    const result = validateRequest(input)
    // Assert
    expect(result.valid).toBe(true)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]?.Message).toContain('did you mean Sandbox?')
  })

  it.each([['x'], ['a'.repeat(255)], ['with space'], ['ünïcödé-トークン'], ['😀'.repeat(255)]])(
    'accepts ClientToken %j',
    (ClientToken) => {
      expectValid(validateRequest({ ...base, ClientToken }))
    },
  )

  it.each([
    ['', 'empty'],
    ['a'.repeat(256), '256 characters'],
    ['line\nbreak', 'a newline'],
    ['carriage\rreturn', 'a carriage return'],
    ['sep\u2028arator', 'a line separator'],
  ])('rejects ClientToken %j (%s)', (ClientToken) => {
    expectIssue(validateRequest({ ...base, ClientToken }), 'ClientToken', 'INVALID_STRING_FORMAT')
  })

  it.each([
    ['engi-0123456789abc'],
    ['engi-zzzzzzzzzzzzz'],
    ['arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement-invitation/engi-0123456789abc'],
    ['arn:'],
    [arnOfLength(255)],
  ])('accepts Identifier %j', (Identifier) => {
    expectValid(validateRequest({ ...base, Identifier }))
  })

  it.each([
    ['', 'empty'],
    ['ENGI-0123456789abc', 'uppercase prefix'],
    ['engi-0123456789ABC', 'uppercase id'],
    ['engi-0123456789ab', '12 characters'],
    ['engi-0123456789abcd', '14 characters'],
    ['engi-0123,56789abc', 'a comma (only the response pattern has one)'],
    [' engi-0123456789abc', 'a leading space'],
    ['engi-0123456789abc ', 'a trailing space'],
    ['engi-0123456789аbc', 'a Cyrillic a'],
    [arnOfLength(256), 'an ARN of 256 characters'],
    ['ARN:aws', 'uppercase ARN'],
  ])('rejects Identifier %j (%s)', (Identifier) => {
    expectIssue(validateRequest({ ...base, Identifier }), 'Identifier', 'INVALID_STRING_FORMAT')
  })

  it.each([
    [[{ Key: 'env', Value: 'prod' }]],
    [[{ Key: 'ключ', Value: '值' }]],
    [[{ Key: 'a b_.:/=+-@1', Value: '' }]],
    [[{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }]],
    [Array.from({ length: 200 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }))],
  ])('accepts Tags %#', (Tags) => {
    expectValid(validateRequest({ ...base, Tags }))
  })

  it.each([
    [[{ Key: '', Value: 'v' }], 'Tags[0].Key', 'INVALID_STRING_FORMAT'],
    [[{ Key: 'k'.repeat(129), Value: 'v' }], 'Tags[0].Key', 'INVALID_STRING_FORMAT'],
    [[{ Key: 'bad!', Value: 'v' }], 'Tags[0].Key', 'INVALID_STRING_FORMAT'],
    [[{ Key: 'k', Value: 'v'.repeat(257) }], 'Tags[0].Value', 'INVALID_STRING_FORMAT'],
    [[{ Key: 'k', Value: 'tab\there' }], 'Tags[0].Value', 'INVALID_STRING_FORMAT'],
    // U+2028 is \p{Z}, yet the look-ahead's `.` does not match a line terminator.
    [[{ Key: 'k', Value: 'line\u2028separator' }], 'Tags[0].Value', 'INVALID_STRING_FORMAT'],
    [[{ Key: 'para\u2029graph', Value: 'v' }], 'Tags[0].Key', 'INVALID_STRING_FORMAT'],
    [[{ Key: 'k' }], 'Tags[0].Value', 'REQUIRED_FIELD_MISSING'],
    [[{ Key: 'k', Value: 'v', Extra: 1 }], 'Tags[0].Extra', 'INVALID_VALUE'],
    [[], 'Tags', 'NOT_ENOUGH_VALUES'],
    [Array.from({ length: 201 }, () => ({ Key: 'k', Value: 'v' })), 'Tags', 'TOO_MANY_VALUES'],
    [{ Key: 'k', Value: 'v' }, 'Tags', 'INVALID_VALUE'],
  ] as const)('rejects Tags %# on %s with %s', (Tags, field, code) => {
    expectIssue(validateRequest({ ...base, Tags }), field, code)
  })

  it.each(['Catalog', 'ClientToken', 'Identifier'])(
    'reports a missing %s as REQUIRED_FIELD_MISSING',
    (member) => {
      const input: Record<string, unknown> = { ...base }
      Reflect.deleteProperty(input, member)
      expectIssue(validateRequest(input), member, 'REQUIRED_FIELD_MISSING')
    },
  )

  it.each([[42], [true], [null], [['engi-0123456789abc']], [{ id: 'x' }]])(
    'reports Identifier of the wrong JSON type %j as INVALID_VALUE',
    (Identifier) => {
      expectIssue(validateRequest({ ...base, Identifier }), 'Identifier', 'INVALID_VALUE')
    },
  )

  it.each([[null], [[]], ['text'], [7]])(
    'reports a non-object input %j as INVALID_VALUE',
    (input) => {
      expectIssue(validateRequest(input), undefined, 'INVALID_VALUE')
    },
  )

  it('reports unknown members, __proto__ and constructor keys as INVALID_VALUE without polluting', () => {
    // Arrange
    const input = JSON.parse(
      '{"Catalog":"AWS","ClientToken":"t","Identifier":"engi-0123456789abc","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"Extra":1}',
    ) as unknown
    // Act
    const result = validateRequest(input)
    // Assert
    expectIssue(result, '__proto__', 'INVALID_VALUE')
    expectIssue(result, 'constructor', 'INVALID_VALUE')
    expectIssue(result, 'Extra', 'INVALID_VALUE')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reports every broken rule at once (allErrors)', () => {
    const result = validateRequest({ Catalog: 1, Identifier: 'x', Tags: [] })
    expect(result.issues.map((issue) => [issue.FieldName, issue.Code])).toEqual(
      expect.arrayContaining([
        ['Catalog', 'INVALID_VALUE'],
        ['ClientToken', 'REQUIRED_FIELD_MISSING'],
        ['Identifier', 'INVALID_STRING_FORMAT'],
        ['Tags', 'NOT_ENOUGH_VALUES'],
      ]),
    )
  })

  it('gives one issue per field and code when several keywords fail', () => {
    const result = validateRequest({ ...base, ClientToken: '' }, { revision: 'reference' })
    expect(result.issues.filter((issue) => issue.FieldName === 'ClientToken')).toHaveLength(1)
  })

  it('returns one shared frozen result given any valid request without warnings', () => {
    // Arrange
    const other = { ...base, Catalog: 'AWS', Tags: [{ Key: 'k', Value: 'v' }] }
    // Act
    const first = validateRequest(base)
    const second = validateRequest(other, { revision: '2025-12' })
    // Assert
    expect(second).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first.issues)).toBe(true)
    expect(first).toEqual({ valid: true, issues: [], warnings: [] })
  })

  it('checks the first 1,000 tags of a list far over its maximum and keeps TOO_MANY_VALUES', () => {
    // Arrange
    const Tags = Array.from({ length: 100_000 }, () => ({ Key: 'bad!', Value: 'v' }))
    // Act
    const result = validateRequest({ ...base, Tags })
    // Assert
    expectIssue(result, 'Tags', 'TOO_MANY_VALUES')
    expectIssue(result, 'Tags[999].Key', 'INVALID_STRING_FORMAT')
    expect(result.issues.some((issue) => issue.FieldName === 'Tags[1000].Key')).toBe(false)
    expect(Tags).toHaveLength(100_000)
  })

  it('handles a value nested 100,000 levels deep', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown
    expectIssue(validateRequest({ ...base, Identifier: deep }), 'Identifier', 'INVALID_VALUE')
  })
})

describe('validateRequest (revision reference)', () => {
  const reference = { revision: 'reference' }

  it.each([['!'], ['~'], ['a'.repeat(64)], ['Token_With-Punctuation!#$%']])(
    'accepts ClientToken %j',
    (ClientToken) => {
      expectValid(validateRequest({ ...base, ClientToken }, reference))
    },
  )

  it.each([
    ['', 'empty'],
    ['a'.repeat(65), '65 characters'],
    ['with space', 'a space'],
    ['tökén', 'non-ASCII'],
    ['tab\t', 'a control character'],
  ])('rejects ClientToken %j (%s) that 2025-12 may accept', (ClientToken) => {
    expectIssue(
      validateRequest({ ...base, ClientToken }, reference),
      'ClientToken',
      'INVALID_STRING_FORMAT',
    )
  })

  it('rejects Tags, which the reference page does not have', () => {
    expectIssue(
      validateRequest({ ...base, Tags: [{ Key: 'k', Value: 'v' }] }, reference),
      'Tags',
      'INVALID_VALUE',
    )
  })

  it('accepts an ARN of 255 characters and rejects 256 (length trait)', () => {
    expectValid(validateRequest({ ...base, Identifier: arnOfLength(255) }, reference))
    expectIssue(
      validateRequest({ ...base, Identifier: arnOfLength(256) }, reference),
      'Identifier',
      'INVALID_STRING_FORMAT',
    )
  })

  it('is reachable as latest for 2025-12', () => {
    expectValid(validateRequest({ ...base, ClientToken: 'with space' }, { revision: 'latest' }))
  })

  it('throws a UsageError naming the known revisions for an unknown one', () => {
    expect(() => validateRequest(base, { revision: '2024' })).toThrow(
      /Unknown revision "2024". Known: 2025-12/,
    )
  })

  it('throws for an unknown revision on every call, not only the first', () => {
    expect(() => validateRequest(base, { revision: '2024' })).toThrow(/Unknown revision "2024"/)
    expect(() => validateRequest(base, { revision: '2024' })).toThrow(/Unknown revision "2024"/)
  })

  it('gives the same issues whichever name of a revision is used', () => {
    // Arrange
    const input = { ...base, ClientToken: '', Extra: 1 }
    // Act
    const byAlias = validateRequest(input, { revision: 'latest' })
    const byId = validateRequest(input, { revision: '2025-12' })
    const byDefault = validateRequest(input)
    // Assert
    expect(byAlias).toEqual(byId)
    expect(byDefault).toEqual(byId)
    expect(byId.issues.map((issue) => issue.FieldName)).toEqual(['Extra', 'ClientToken'])
  })
})

describe('assertValidRequest', () => {
  it('returns for a valid request', () => {
    expect(() => {
      assertValidRequest(base)
    }).not.toThrow()
  })

  it('throws ContractValidationError carrying the issues', () => {
    try {
      assertValidRequest({ ...base, Identifier: 'nope' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ContractValidationError)
      expect((error as ContractValidationError).issues[0].FieldName).toBe('Identifier')
      expect((error as Error).message).toMatch(
        /^\[engagement-contract-kit\] Invalid StartEngagement/,
      )
    }
  })
})
