/**
 * Every rule of the StartEngagementByAcceptingInvitationTask input, with values that break it.
 */
import fc from 'fast-check'
import { charOf, dotChar, LOWER_ALNUM, PRINTABLE_ASCII, prefixedId } from '../sized-string.js'
import { engagementInvitationId } from '../fields/engagement-invitation-id.js'
import { tagKey, tagValue } from '../fields/tags.js'
import { ONE_MIB, oneOfValues, valuesOf, wrongTypeRules, type RuleDefinition } from './rule.js'

const ISF = 'INVALID_STRING_FORMAT' as const
const id = engagementInvitationId()

function missing(member: string): RuleDefinition {
  return {
    shape: 'request',
    member,
    rule: 'missing',
    expectedCode: 'REQUIRED_FIELD_MISSING',
    description: `${member} is absent`,
    values: () => fc.constant({ missing: true as const }),
  }
}

function stringRule(
  member: string,
  rule: string,
  description: string,
  values: RuleDefinition['values'],
  revisions?: RuleDefinition['revisions'],
): RuleDefinition {
  return {
    shape: 'request',
    member,
    rule,
    expectedCode: ISF,
    description,
    values,
    ...(revisions === undefined ? {} : { revisions }),
  }
}

/** Values with a character inserted somewhere into a valid id. */
function withInserted(
  base: fc.Arbitrary<string>,
  inserted: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  return fc.tuple(base, inserted, fc.nat()).map(([value, char, at]) => {
    const index = at % (value.length + 1)
    return `${value.slice(0, index)}${char}${value.slice(index)}`
  })
}

const LOOKALIKES = 'аеорсхАВЕКМНОРСТХ' // Cyrillic letters that look like Latin ones

/** The rules of the Start input, for every revision (filter with `revisions`). */
export const REQUEST_RULES: readonly RuleDefinition[] = [
  // Catalog: ^[a-zA-Z]+$
  stringRule('Catalog', 'empty', 'an empty Catalog', () => oneOfValues('')),
  stringRule('Catalog', 'digit', 'a digit in Catalog', () =>
    valuesOf(withInserted(fc.constantFrom('AWS', 'Sandbox'), charOf('0123456789'))),
  ),
  stringRule('Catalog', 'space', 'a space in or around Catalog', () =>
    oneOfValues(' AWS', 'Sandbox ', 'Sand box'),
  ),
  stringRule('Catalog', 'punctuation', 'punctuation in Catalog', () =>
    valuesOf(withInserted(fc.constantFrom('AWS', 'Sandbox'), charOf('-_.:/'))),
  ),
  stringRule('Catalog', 'lookalike', 'a Cyrillic look-alike letter in Catalog', () =>
    oneOfValues('АWS', 'Ѕandbox', 'Sаndbox'),
  ),
  stringRule('Catalog', 'zero-width-space', 'a zero-width space in Catalog', () =>
    oneOfValues('AWS\u200b', 'Sand\u200bbox'),
  ),
  stringRule('Catalog', 'newline', 'a newline in Catalog', () =>
    oneOfValues('AWS\n', 'Sandbox\r\n'),
  ),
  stringRule('Catalog', 'nul', 'a NUL in Catalog', () => oneOfValues('AWS\u0000')),
  ...wrongTypeRules('request', 'Catalog'),
  missing('Catalog'),

  // ClientToken: ^.{1,255}$ (2025-12) or ^[!-~]{1,64}$ (reference)
  stringRule('ClientToken', 'empty', 'an empty ClientToken', () => oneOfValues('')),
  stringRule(
    'ClientToken',
    'too-long',
    'a ClientToken one character over the maximum',
    (revision) => {
      const max = revision.strings.ClientToken.lengthInPattern?.max ?? 255
      const unit = revision.id === 'reference' ? charOf(PRINTABLE_ASCII) : dotChar()
      return valuesOf(fc.string({ unit, minLength: max + 1, maxLength: max + 1 }))
    },
  ),
  stringRule('ClientToken', 'far-too-long', 'a ClientToken of 1 MiB', () =>
    oneOfValues('t'.repeat(ONE_MIB)),
  ),
  stringRule('ClientToken', 'line-terminator', 'a line terminator in ClientToken', () =>
    valuesOf(
      withInserted(
        fc.string({ unit: charOf(PRINTABLE_ASCII), minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r', '\u2028', '\u2029'),
      ),
    ),
  ),
  stringRule(
    'ClientToken',
    'space',
    'a space in ClientToken (reference: printable ASCII only)',
    () =>
      valuesOf(
        withInserted(
          fc.string({ unit: charOf(PRINTABLE_ASCII), minLength: 1, maxLength: 20 }),
          fc.constant(' '),
        ),
      ),
    ['reference'],
  ),
  stringRule(
    'ClientToken',
    'non-ascii',
    'a non-ASCII character in ClientToken (reference)',
    () =>
      valuesOf(
        withInserted(
          fc.string({ unit: charOf(PRINTABLE_ASCII), minLength: 1, maxLength: 20 }),
          fc.constantFrom('é', 'ü', 'ж', '中', '😀', '\u00a0'),
        ),
      ),
    ['reference'],
  ),
  stringRule(
    'ClientToken',
    'control-char',
    'a control character in ClientToken (reference)',
    () =>
      valuesOf(
        withInserted(
          fc.string({ unit: charOf(PRINTABLE_ASCII), minLength: 1, maxLength: 20 }),
          fc.constantFrom('\t', '\u0000', '\u007f'),
        ),
      ),
    ['reference'],
  ),
  ...wrongTypeRules('request', 'ClientToken'),
  missing('ClientToken'),

  // Identifier: ^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$
  stringRule('Identifier', 'empty', 'an empty Identifier', () => oneOfValues('')),
  stringRule('Identifier', 'uppercase-prefix', 'ENGI- instead of engi-', () =>
    valuesOf(id.map((v) => v.replace('engi-', 'ENGI-'))),
  ),
  stringRule('Identifier', 'uppercase-id', 'uppercase letters in the id', () =>
    valuesOf(prefixedId('engi-', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 13)),
  ),
  stringRule('Identifier', 'id-too-short', '12 characters after engi-', () =>
    valuesOf(prefixedId('engi-', LOWER_ALNUM, 12)),
  ),
  stringRule('Identifier', 'id-too-long', '14 characters after engi-', () =>
    valuesOf(prefixedId('engi-', LOWER_ALNUM, 14)),
  ),
  stringRule('Identifier', 'non-alphanumeric', 'a non-alphanumeric character in the id', () =>
    valuesOf(
      fc
        .tuple(prefixedId('engi-', LOWER_ALNUM, 12), charOf('!#$%&*-_.,;~'), fc.nat(12))
        .map(([v, c, at]) => `${v.slice(0, 5 + at)}${c}${v.slice(5 + at)}`),
    ),
  ),
  stringRule('Identifier', 'leading-space', 'a leading space', () =>
    valuesOf(id.map((v) => ` ${v}`)),
  ),
  stringRule('Identifier', 'trailing-space', 'a trailing space', () =>
    valuesOf(id.map((v) => `${v} `)),
  ),
  stringRule('Identifier', 'lookalike', 'a Cyrillic look-alike letter in the id', () =>
    valuesOf(
      fc
        .tuple(prefixedId('engi-', LOWER_ALNUM, 12), charOf(LOOKALIKES), fc.nat(12))
        .map(([v, c, at]) => `${v.slice(0, 5 + at)}${c}${v.slice(5 + at)}`),
    ),
  ),
  stringRule('Identifier', 'zero-width-space', 'a zero-width space', () =>
    valuesOf(withInserted(id, fc.constant('\u200b'))),
  ),
  stringRule('Identifier', 'newline', 'a newline', () =>
    valuesOf(
      fc.oneof(
        id.map((v) => `${v}\n`),
        fc.constant('arn:aws:x\n'),
        withInserted(id, fc.constant('\n')),
      ),
    ),
  ),
  stringRule('Identifier', 'nul', 'a NUL character', () =>
    valuesOf(withInserted(id, fc.constant('\u0000'))),
  ),
  stringRule('Identifier', 'arn-too-long', 'an ARN of 256 characters', () =>
    valuesOf(
      fc
        .string({ unit: charOf('abc:/-'), minLength: 252, maxLength: 252 })
        .map((rest) => `arn:${rest}`),
    ),
  ),
  stringRule('Identifier', 'far-too-long', 'an ARN of 1 MiB', () =>
    oneOfValues(`arn:${'a'.repeat(ONE_MIB)}`),
  ),
  stringRule('Identifier', 'neither-id-nor-arn', 'text that is neither an id nor an ARN', () =>
    valuesOf(
      fc
        .string({ minLength: 1, maxLength: 30 })
        .filter((v) => !v.startsWith('arn:') && !/^engi-[0-9a-z]{13}$/.test(v)),
    ),
  ),
  ...wrongTypeRules('request', 'Identifier'),
  missing('Identifier'),

  // Tags (2025-12): 1..200 of { Key: 1..128, Value: 0..256 } from [\p{L}\p{Z}\p{N}_.:/=+\-@]
  {
    shape: 'request',
    member: 'Tags',
    rule: 'empty-list',
    expectedCode: 'NOT_ENOUGH_VALUES',
    description: 'an empty Tags list',
    revisions: ['2025-12'],
    values: () => oneOfValues([]),
  },
  {
    shape: 'request',
    member: 'Tags',
    rule: 'too-many',
    expectedCode: 'TOO_MANY_VALUES',
    description: '201 tags',
    revisions: ['2025-12'],
    values: () =>
      fc.constant({ value: Array.from({ length: 201 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }),
  },
  ...tagRules(),
  ...wrongTypeRules('request', 'Tags', ['wrong-type-array']).map((rule) => ({
    ...rule,
    revisions: ['2025-12'] as const,
  })),
  {
    shape: 'request',
    member: 'Tags',
    rule: 'not-in-revision',
    expectedCode: 'INVALID_VALUE',
    description: 'Tags, which the reference page does not have',
    revisions: ['reference'],
    values: () => oneOfValues([{ Key: 'k', Value: 'v' }]),
  },

  // The whole input
  {
    shape: 'request',
    member: 'Extra',
    rule: 'unknown-member',
    expectedCode: 'INVALID_VALUE',
    description: 'a member the shape does not have',
    values: () => valuesOf(fc.jsonValue({ maxDepth: 1 })),
  },
  {
    shape: 'request',
    member: 'catalog',
    rule: 'wrong-case-member',
    expectedCode: 'INVALID_VALUE',
    description: 'a member name in the wrong case',
    values: () => oneOfValues('AWS'),
  },
  {
    shape: 'request',
    member: '__proto__',
    rule: 'proto-key',
    expectedCode: 'INVALID_VALUE',
    description: 'a __proto__ key',
    values: () => oneOfValues({ polluted: true }, 1),
  },
  {
    shape: 'request',
    member: 'constructor',
    rule: 'constructor-key',
    expectedCode: 'INVALID_VALUE',
    description: 'a constructor key',
    values: () => oneOfValues({ prototype: { polluted: true } }),
  },
  {
    shape: 'request',
    member: '',
    rule: 'not-an-object',
    expectedCode: 'INVALID_VALUE',
    description: 'an input that is not a JSON object',
    values: () => oneOfValues(null, [], ['x'], 'text', 42, true),
  },
]

function tagRules(): RuleDefinition[] {
  // Each puts one bad tag among valid ones; the FieldName names its index.
  const badTag = (
    rule: string,
    description: string,
    code: RuleDefinition['expectedCode'],
    tag: fc.Arbitrary<unknown>,
    member?: 'Key' | 'Value',
  ): RuleDefinition => ({
    shape: 'request',
    member: 'Tags',
    rule,
    expectedCode: code,
    description,
    revisions: ['2025-12'],
    values: () =>
      fc
        .tuple(
          fc.array(fc.record({ Key: tagKey(), Value: tagValue() }), { maxLength: 3 }),
          tag,
          fc.nat(),
        )
        .map(([good, bad, at]) => {
          const index = at % (good.length + 1)
          const value = [...good.slice(0, index), bad, ...good.slice(index)]
          return {
            value,
            field: member === undefined ? `Tags[${index}]` : `Tags[${index}].${member}`,
          }
        }),
  })
  const key = (value: fc.Arbitrary<string>): fc.Arbitrary<unknown> =>
    fc.record({ Key: value, Value: tagValue() })
  const val = (value: fc.Arbitrary<string>): fc.Arbitrary<unknown> =>
    fc.record({ Key: tagKey(), Value: value })
  const bad = charOf('!#$%&*()[]{}<>?,;"\'\\|`~^\t\n')
  return [
    badTag('key-empty', 'an empty tag key', ISF, key(fc.constant('')), 'Key'),
    badTag(
      'key-too-long',
      'a tag key of 129 characters',
      ISF,
      key(fc.string({ unit: charOf('abc'), minLength: 129, maxLength: 129 })),
      'Key',
    ),
    badTag(
      'key-bad-char',
      'a character tag keys may not have',
      ISF,
      key(withInserted(fc.string({ unit: charOf('abc'), maxLength: 10 }), bad)),
      'Key',
    ),
    badTag(
      'value-too-long',
      'a tag value of 257 characters',
      ISF,
      val(fc.string({ unit: charOf('abc'), minLength: 257, maxLength: 257 })),
      'Value',
    ),
    badTag(
      'value-bad-char',
      'a character tag values may not have',
      ISF,
      val(withInserted(fc.string({ unit: charOf('abc'), maxLength: 10 }), bad)),
      'Value',
    ),
    badTag(
      'key-missing',
      'a tag without Key',
      'REQUIRED_FIELD_MISSING',
      fc.record({ Value: tagValue() }),
      'Key',
    ),
    badTag(
      'value-missing',
      'a tag without Value',
      'REQUIRED_FIELD_MISSING',
      fc.record({ Key: tagKey() }),
      'Value',
    ),
    badTag(
      'tag-not-an-object',
      'a tag that is not an object',
      'INVALID_VALUE',
      fc.constantFrom('k=v', 1, null, ['k', 'v']),
    ),
    badTag(
      'key-far-too-long',
      'a tag key of 1 MiB',
      ISF,
      key(fc.constant('k'.repeat(ONE_MIB))),
      'Key',
    ),
    badTag(
      'value-far-too-long',
      'a tag value of 1 MiB',
      ISF,
      val(fc.constant('v'.repeat(ONE_MIB))),
      'Value',
    ),
    badTag(
      'key-wrong-type',
      'a tag key that is not a string',
      'INVALID_VALUE',
      fc.record({
        Key: fc.constantFrom<unknown>(1, true, null, ['k'], { k: 1 }),
        Value: tagValue(),
      }),
      'Key',
    ),
    badTag(
      'value-wrong-type',
      'a tag value that is not a string',
      'INVALID_VALUE',
      fc.record({
        Key: tagKey(),
        Value: fc.constantFrom<unknown>(1, false, null, ['v'], { v: 1 }),
      }),
      'Value',
    ),
    {
      ...badTag(
        'tag-extra-member',
        'a tag with a member besides Key and Value',
        'INVALID_VALUE',
        fc.constant(null),
      ),
      values: () =>
        fc
          .tuple(tagKey(), tagValue())
          .map(([Key, Value]) => ({ value: [{ Key, Value, Extra: 'x' }], field: 'Tags[0].Extra' })),
    },
  ]
}
