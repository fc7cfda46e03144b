/**
 * Runs a compiled contract and turns ajv's errors into {@link Issue}s.
 */
import type { ErrorObject } from 'ajv'
import type { ContractKind } from '../contracts/contract-files.js'
import { resolveRevision } from '../model/revisions.js'
import { previewValue } from '../internal/preview-value.js'
import { compiledContract } from './compile-contract.js'
import { formatFieldName, KEYWORD_CODES, type Issue, type ValidationResult } from './issue.js'

/** Options of every validator. */
export interface ValidateOptions {
  /**
   * The revision of the API shape: `2025-12` (alias `latest`) or `reference`.
   * @defaultValue '2025-12'
   */
  readonly revision?: string
}

/**
 * Validates a value against one contract.
 * @param kind The contract kind.
 * @param value Untrusted value, e.g. a parsed body.
 * @param options The revision.
 * @returns The issues (no warnings); `valid` when there are none.
 * @throws UsageError on an unknown revision.
 */
export function validateContract(
  kind: ContractKind,
  value: unknown,
  options: ValidateOptions = {},
): ValidationResult {
  const validate = compiledContract(resolveRevision(options.revision).id, kind)
  if (validate(value)) return { valid: true, issues: [], warnings: [] }
  return { valid: false, issues: toIssues(validate.errors ?? [], value), warnings: [] }
}

function decodePointer(pointer: string): (string | number)[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part))
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined
    node = (node as Record<string | number, unknown>)[part]
  }
  return node
}

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function messageOf(error: ErrorObject, field: string, value: unknown): string {
  const subject = field === '' ? 'The input' : field
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return `${subject} is required.`
    case 'additionalProperties':
      return `${subject} is not a member of this shape.`
    case 'type':
      return `${subject} must be ${String(params.type) === 'object' ? 'an object' : `a ${String(params.type)}`}, got ${describeType(value)}.`
    case 'pattern':
      return `${subject} must match the pattern ${String(params.pattern)}, got ${previewValue(value)}.`
    case 'format':
      return `${subject} must be an RFC 3339 ${String(params.format)}, got ${previewValue(value)}.`
    case 'minLength':
      return `${subject} must be at least ${String(params.limit)} characters long.`
    case 'maxLength':
      return `${subject} must be at most ${String(params.limit)} characters long.`
    case 'enum':
      return `${subject} must be one of ${(params.allowedValues as unknown[]).join(', ')}, got ${previewValue(value)}.`
    case 'minItems':
      return `${subject} must have at least ${String(params.limit)} items.`
    case 'maxItems':
      return `${subject} must have at most ${String(params.limit)} items.`
    case 'minimum':
    case 'maximum':
      return `${subject} must be ${error.keyword === 'minimum' ? '>=' : '<='} ${String(params.limit)}, got ${previewValue(value)}.`
    default:
      return `${subject} ${error.message ?? 'is invalid'}.`
  }
}

function toIssues(errors: readonly ErrorObject[], root: unknown): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    const path = decodePointer(error.instancePath)
    const params = error.params as Record<string, unknown>
    if (error.keyword === 'required') path.push(String(params.missingProperty))
    if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty))
    const Code = KEYWORD_CODES[error.keyword] ?? 'INVALID_VALUE'
    const field = formatFieldName(path)
    // One issue per field and code: a too-long token breaks both maxLength and pattern.
    const key = `${field}\u0000${Code}`
    if (seen.has(key)) continue
    seen.add(key)
    const value = error.keyword === 'required' ? undefined : valueAt(root, path)
    const base = { Message: messageOf(error, field, value), Code, path, keyword: error.keyword, value }
    issues.push(field === '' ? base : { FieldName: field, ...base })
  }
  return issues
}
