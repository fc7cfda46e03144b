/**
 * The baseline: a hand-written validator of the same request rules (2025-12), producing the same
 * issue objects, written for speed (no allocation on the valid path). It is the practical limit the
 * ajv path is compared with; it is not used by the toolkit.
 */
import type { Issue } from '../src/validators/issue.js'

const CATALOG = /^[a-zA-Z]+$/u
const CLIENT_TOKEN = /^.{1,255}$/u
const IDENTIFIER = /^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$/u
const TAG_KEY = /^(?=.{1,128}$)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u
const TAG_VALUE = /^(?=.{0,256}$)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u

function push(
  out: Issue[],
  FieldName: string,
  path: (string | number)[],
  Code: Issue['Code'],
  keyword: string,
  value: unknown,
  Message: string,
): void {
  out.push(
    FieldName === ''
      ? { Message, Code, path, keyword, value }
      : { FieldName, Message, Code, path, keyword, value },
  )
}

function checkString(
  out: Issue[],
  name: string,
  path: (string | number)[],
  value: unknown,
  pattern: RegExp,
): void {
  if (typeof value !== 'string')
    push(out, name, path, 'INVALID_VALUE', 'type', value, `${name} must be a string.`)
  else if (!pattern.test(value))
    push(
      out,
      name,
      path,
      'INVALID_STRING_FORMAT',
      'pattern',
      value,
      `${name} must match the pattern ${pattern.source}.`,
    )
}

function checkMember(
  out: Issue[],
  record: Record<string, unknown>,
  name: string,
  pattern: RegExp,
): void {
  const value = record[name]
  if (value === undefined && !Object.hasOwn(record, name))
    push(out, name, [name], 'REQUIRED_FIELD_MISSING', 'required', undefined, `${name} is required.`)
  else checkString(out, name, [name], value, pattern)
}

/**
 * Validates a Start request by hand.
 * @param input Untrusted value.
 * @returns The issues.
 */
export function handValidateRequest(input: unknown): Issue[] {
  const out: Issue[] = []
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    push(out, '', [], 'INVALID_VALUE', 'type', input, 'The input must be an object.')
    return out
  }
  const record = input as Record<string, unknown>
  for (const key in record) {
    if (
      key !== 'Catalog' &&
      key !== 'ClientToken' &&
      key !== 'Identifier' &&
      key !== 'Tags' &&
      Object.hasOwn(record, key)
    ) {
      push(
        out,
        key,
        [key],
        'INVALID_VALUE',
        'additionalProperties',
        record[key],
        `${key} is not a member of this shape.`,
      )
    }
  }
  checkMember(out, record, 'Catalog', CATALOG)
  checkMember(out, record, 'ClientToken', CLIENT_TOKEN)
  checkMember(out, record, 'Identifier', IDENTIFIER)
  const tags = record.Tags
  if (tags === undefined) return out
  if (!Array.isArray(tags)) {
    push(out, 'Tags', ['Tags'], 'INVALID_VALUE', 'type', tags, 'Tags must be an array.')
    return out
  }
  if (tags.length < 1)
    push(
      out,
      'Tags',
      ['Tags'],
      'NOT_ENOUGH_VALUES',
      'minItems',
      tags,
      'Tags must have at least 1 items.',
    )
  if (tags.length > 200)
    push(
      out,
      'Tags',
      ['Tags'],
      'TOO_MANY_VALUES',
      'maxItems',
      tags,
      'Tags must have at most 200 items.',
    )
  for (let index = 0; index < tags.length; index++) {
    const tag: unknown = tags[index]
    if (tag === null || typeof tag !== 'object' || Array.isArray(tag)) {
      push(
        out,
        `Tags[${index}]`,
        ['Tags', index],
        'INVALID_VALUE',
        'type',
        tag,
        'A tag must be an object.',
      )
      continue
    }
    const entry = tag as Record<string, unknown>
    for (const key in entry) {
      if (key !== 'Key' && key !== 'Value' && Object.hasOwn(entry, key)) {
        push(
          out,
          `Tags[${index}].${key}`,
          ['Tags', index, key],
          'INVALID_VALUE',
          'additionalProperties',
          entry[key],
          `${key} is not a member.`,
        )
      }
    }
    for (const [key, pattern] of [
      ['Key', TAG_KEY],
      ['Value', TAG_VALUE],
    ] as const) {
      const name = `Tags[${index}].${key}`
      if (!Object.hasOwn(entry, key))
        push(
          out,
          name,
          ['Tags', index, key],
          'REQUIRED_FIELD_MISSING',
          'required',
          undefined,
          `${key} is required.`,
        )
      else checkString(out, name, ['Tags', index, key], entry[key], pattern)
    }
  }
  return out
}
