/**
 * The baseline: a hand-written validator of the same request rules (2025-12), producing the same
 * issue objects. It is the physical limit the ajv path is compared with; it is not used by the toolkit.
 */
import type { Issue } from '../src/validators/issue.js'

const CATALOG = /^[a-zA-Z]+$/u
const CLIENT_TOKEN = /^.{1,255}$/u
const IDENTIFIER = /^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$/u
const TAG_KEY = /^(?=.{1,128}$)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u
const TAG_VALUE = /^(?=.{0,256}$)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u
const MEMBERS = new Set(['Catalog', 'ClientToken', 'Identifier', 'Tags'])

function issue(path: (string | number)[], Code: Issue['Code'], keyword: string, value: unknown, Message: string): Issue {
  let FieldName = ''
  for (const part of path) FieldName += typeof part === 'number' ? `[${part}]` : FieldName === '' ? part : `.${part}`
  return { FieldName, Message, Code, path, keyword, value }
}

function checkString(out: Issue[], path: (string | number)[], value: unknown, pattern: RegExp): void {
  const name = path.join('.')
  if (typeof value !== 'string') out.push(issue(path, 'INVALID_VALUE', 'type', value, `${name} must be a string.`))
  else if (!pattern.test(value)) out.push(issue(path, 'INVALID_STRING_FORMAT', 'pattern', value, `${name} must match the pattern ${pattern.source}.`))
}

/**
 * Validates a Start request by hand.
 * @param input Untrusted value.
 * @returns The issues.
 */
export function handValidateRequest(input: unknown): Issue[] {
  const out: Issue[] = []
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    out.push(issue([], 'INVALID_VALUE', 'type', input, 'The input must be an object.'))
    return out
  }
  const record = input as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!MEMBERS.has(key)) out.push(issue([key], 'INVALID_VALUE', 'additionalProperties', record[key], `${key} is not a member of this shape.`))
  }
  for (const [key, pattern] of [['Catalog', CATALOG], ['ClientToken', CLIENT_TOKEN], ['Identifier', IDENTIFIER]] as const) {
    if (!Object.hasOwn(record, key)) out.push(issue([key], 'REQUIRED_FIELD_MISSING', 'required', undefined, `${key} is required.`))
    else checkString(out, [key], record[key], pattern)
  }
  if (Object.hasOwn(record, 'Tags')) {
    const tags = record.Tags
    if (!Array.isArray(tags)) out.push(issue(['Tags'], 'INVALID_VALUE', 'type', tags, 'Tags must be an array.'))
    else {
      if (tags.length < 1) out.push(issue(['Tags'], 'NOT_ENOUGH_VALUES', 'minItems', tags, 'Tags must have at least 1 items.'))
      if (tags.length > 200) out.push(issue(['Tags'], 'TOO_MANY_VALUES', 'maxItems', tags, 'Tags must have at most 200 items.'))
      tags.forEach((tag: unknown, index) => {
        if (tag === null || typeof tag !== 'object' || Array.isArray(tag)) {
          out.push(issue(['Tags', index], 'INVALID_VALUE', 'type', tag, 'A tag must be an object.'))
          return
        }
        const entry = tag as Record<string, unknown>
        for (const key of Object.keys(entry)) {
          if (key !== 'Key' && key !== 'Value') out.push(issue(['Tags', index, key], 'INVALID_VALUE', 'additionalProperties', entry[key], `${key} is not a member.`))
        }
        for (const [key, pattern] of [['Key', TAG_KEY], ['Value', TAG_VALUE]] as const) {
          if (!Object.hasOwn(entry, key)) out.push(issue(['Tags', index, key], 'REQUIRED_FIELD_MISSING', 'required', undefined, `${key} is required.`))
          else checkString(out, ['Tags', index, key], entry[key], pattern)
        }
      })
    }
  }
  return out
}
