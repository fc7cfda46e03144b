/**
 * Runs a compiled contract and turns ajv's errors into {@link Issue}s.
 */
import type { ErrorObject, ValidateFunction } from 'ajv'
import type { ContractKind } from '../contracts/contract-files.js'
import { resolveRevision, type RevisionId } from '../model/revisions.js'
import { compiledContract } from './compile-contract.js'
import {
  formatFieldName,
  KEYWORD_CODES,
  type Issue,
  type ValidationResult,
  type Warning,
} from './issue.js'

/** Options of every validator. */
export interface ValidateOptions {
  /**
   * The revision of the API shape: `2025-12` (alias `latest`) or `reference`.
   * @defaultValue '2025-12'
   */
  readonly revision?: string
}

const NO_OPTIONS: ValidateOptions = Object.freeze({})
const NO_ISSUES: readonly Issue[] = Object.freeze([])
const NO_WARNINGS: readonly Warning[] = Object.freeze([])

/** The one result of every valid value (frozen): the valid path allocates nothing. */
const VALID_RESULT: ValidationResult = Object.freeze({
  valid: true,
  issues: NO_ISSUES,
  warnings: NO_WARNINGS,
})

/**
 * Validates a value against one contract. The compiled ajv function runs first; issues are built only
 * when it fails.
 * @param kind The contract kind.
 * @param value Untrusted value, e.g. a parsed body.
 * @param options The revision.
 * @returns The issues (no warnings); `valid` when there are none. Valid values all get one shared,
 *   frozen result.
 * @throws UsageError on an unknown revision.
 */
export function validateContract(
  kind: ContractKind,
  value: unknown,
  options: ValidateOptions = NO_OPTIONS,
): ValidationResult {
  let check = checkers.get(kind)
  if (check === undefined) checkers.set(kind, (check = createContractCheck(kind)))
  return check(value, options.revision)
}

const checkers = new Map<ContractKind, ContractCheck>()

/** Checks a value against one contract kind in a revision (a name as the caller gives it). */
export type ContractCheck = (value: unknown, revision: string | undefined) => ValidationResult

/** A compiled contract and its cached issue templates. */
interface Contract {
  readonly validate: ValidateFunction
  readonly templates: Templates
}

const contracts = new Map<RevisionId, Map<ContractKind, Contract>>()

function contractOf(revision: string | undefined, kind: ContractKind): Contract {
  // Resolves (and throws on an unknown name) before anything is cached.
  const id = resolveRevision(revision).id
  let byKind = contracts.get(id)
  if (byKind === undefined) contracts.set(id, (byKind = new Map<ContractKind, Contract>()))
  let contract = byKind.get(kind)
  if (contract === undefined) {
    contract = { validate: compiledContract(id, kind), templates: new Map() as Templates }
    byKind.set(kind, contract)
  }
  return contract
}

/**
 * The lean check of one contract kind, for a validator that runs on every request: the revision's
 * compiled function is found without resolving the name again, the compiled function runs on the
 * value as it is (unless a list is far too long), and a valid value gets the one shared result.
 * @param kind The contract kind.
 * @returns The check.
 */
export function createContractCheck(kind: ContractKind): ContractCheck {
  const lists = CAPPED_LISTS[kind]
  const longList = lists === undefined ? undefined : hasLongList(lists)
  let defaultContract: Contract | undefined
  // The last revision named, then every other: callers name one revision again and again.
  let lastName: string | undefined
  let lastContract: Contract | undefined
  const named = new Map<string, Contract>()
  return (value, revision) => {
    let contract: Contract | undefined
    if (revision === undefined) contract = defaultContract ??= contractOf(undefined, kind)
    else if (revision === lastName && lastContract !== undefined) contract = lastContract
    else {
      contract = named.get(revision)
      if (contract === undefined) named.set(revision, (contract = contractOf(revision, kind)))
      lastName = revision
      lastContract = contract
    }
    const { validate } = contract
    if (validate(longList !== undefined && longList(value) ? capLists(lists ?? [], value) : value))
      return VALID_RESULT
    return {
      valid: false,
      issues: toIssues(contract, validate.errors ?? []),
      warnings: NO_WARNINGS,
    }
  }
}

/** Members whose lists have a maxItems of at most 200 (`constraints.ts`), by contract kind. */
const CAPPED_LISTS: Partial<Record<ContractKind, readonly string[]>> = {
  request: ['Tags'],
  'list-request': [
    'TaskStatus',
    'OpportunityIdentifier',
    'EngagementInvitationIdentifier',
    'TaskIdentifier',
  ],
}
const LIST_CHECK_LIMIT = 1000

// Whether a value has a list over the limit, made once per contract kind (a single member, the request's
// Tags, gets a test of its own: this runs on every request).
function hasLongList(members: readonly string[]): (value: unknown) => boolean {
  const [only] = members
  if (members.length === 1 && only !== undefined) {
    return (value) => {
      if (typeof value !== 'object' || value === null) return false
      const list = (value as Record<string, unknown>)[only]
      return Array.isArray(list) && list.length > LIST_CHECK_LIMIT
    }
  }
  return (value) => {
    if (typeof value !== 'object' || value === null) return false
    for (const member of members) {
      const list = (value as Record<string, unknown>)[member]
      if (Array.isArray(list) && list.length > LIST_CHECK_LIMIT) return true
    }
    return false
  }
}

// A list far over its maximum is checked on its first items only: the TOO_MANY_VALUES issue stays, and a
// request with hundreds of thousands of bad tags cannot make validation take minutes.
function capLists(members: readonly string[], value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const member of members) {
    const list = Object.hasOwn(value, member)
      ? (value as Record<string, unknown>)[member]
      : undefined
    if (Array.isArray(list) && list.length > LIST_CHECK_LIMIT) {
      copy ??= { ...(value as Record<string, unknown>) }
      copy[member] = list.slice(0, LIST_CHECK_LIMIT)
    }
  }
  return copy ?? value
}

function decodeSegment(part: string): string | number {
  const text = part.includes('~') ? part.replace(/~1/g, '/').replace(/~0/g, '~') : part
  const first = text.charCodeAt(0)
  // List indexes become numbers; member names stay strings.
  if (first >= 0x30 && first <= 0x39 && String(Number(text)) === text) return Number(text)
  return text
}

// Pointers come from a bounded set (the schema's paths and list indexes): cache their decoding.
const pointers = new Map<string, readonly (string | number)[]>()

function decodePointer(pointer: string): readonly (string | number)[] {
  let path = pointers.get(pointer)
  if (path === undefined) {
    path = pointer === '' ? [] : pointer.slice(1).split('/').map(decodeSegment)
    if (pointers.size < 10_000) pointers.set(pointer, path)
  }
  return path
}

function messageOf(error: ErrorObject, field: string): string {
  // Messages name the rule, not the value (the value is on the issue): so they can be cached.
  const subject = field === '' ? 'The input' : field
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return `${subject} is required.`
    case 'additionalProperties':
      return `${subject} is not a member of this shape.`
    case 'type':
      return `${subject} must be ${String(params.type) === 'object' || String(params.type) === 'array' || String(params.type) === 'integer' ? `an ${String(params.type)}` : `a ${String(params.type)}`}.`
    case 'pattern':
      return `${subject} must match the pattern ${String(params.pattern)}.`
    case 'format':
      return `${subject} must be an RFC 3339 ${String(params.format)}.`
    case 'minLength':
      return `${subject} must be at least ${String(params.limit)} characters long.`
    case 'maxLength':
      return `${subject} must be at most ${String(params.limit)} characters long.`
    case 'enum':
      return `${subject} must be one of ${(params.allowedValues as unknown[]).join(', ')}.`
    case 'minItems':
      return `${subject} must have at least ${String(params.limit)} items.`
    case 'maxItems':
      return `${subject} must have at most ${String(params.limit)} items.`
    case 'minimum':
    case 'maximum':
      return `${subject} must be ${error.keyword === 'minimum' ? '>=' : '<='} ${String(params.limit)}.`
    default:
      return `${subject} breaks the ${error.keyword} rule.`
  }
}

/** What every error at one place of one schema rule shares: cached, since they recur on every call. */
interface IssueTemplate {
  readonly path: readonly (string | number)[]
  readonly field: string
  readonly Code: Issue['Code']
  readonly Message: string
  readonly member?: string
}

// Nested maps (rule → place → member), one set per compiled contract (the same rule path carries other
// patterns in other revisions): no key strings to build on the hot path.
type Templates = Map<string, Map<string, Map<string, IssueTemplate>>>
let templateCount = 0

function templateOf(templates: Templates, error: ErrorObject): IssueTemplate {
  const params = error.params as Record<string, unknown>
  const member =
    error.keyword === 'required'
      ? String(params.missingProperty)
      : error.keyword === 'additionalProperties'
        ? String(params.additionalProperty)
        : undefined
  let byPlace = templates.get(error.schemaPath)
  if (byPlace === undefined)
    templates.set(error.schemaPath, (byPlace = new Map<string, Map<string, IssueTemplate>>()))
  let byMember = byPlace.get(error.instancePath)
  if (byMember === undefined)
    byPlace.set(error.instancePath, (byMember = new Map<string, IssueTemplate>()))
  let template = byMember.get(member ?? '')
  if (template === undefined) {
    const base = decodePointer(error.instancePath)
    const path = member === undefined ? base : [...base, member]
    const field = formatFieldName(path)
    template = {
      path,
      field,
      Code: KEYWORD_CODES[error.keyword] ?? 'INVALID_VALUE',
      Message: messageOf(error, field),
      ...(member === undefined ? {} : { member }),
    }
    if (templateCount++ < 10_000) byMember.set(member ?? '', template)
  }
  return template
}

function toIssues(contract: Contract, errors: readonly ErrorObject[]): Issue[] {
  const { templates } = contract
  const issues: Issue[] = []
  // Issues are usually few: a linear scan is fastest then; a set keeps huge inputs linear.
  const seen = errors.length > 16 ? new Set<string>() : undefined
  for (const error of errors) {
    const { path, field, Code, Message, member } = templateOf(templates, error)
    // One issue per field and code: a too-long token breaks both maxLength and pattern.
    if (seen === undefined) {
      if (issues.some((issue) => (issue.FieldName ?? '') === field && issue.Code === Code)) continue
    } else {
      const key = `${field}\u0000${Code}`
      if (seen.has(key)) continue
      seen.add(key)
    }
    const value =
      error.keyword === 'required'
        ? undefined
        : member === undefined
          ? error.data
          : (error.data as Record<string, unknown>)[member]
    issues.push(
      field === ''
        ? { Message, Code, path, keyword: error.keyword, value }
        : { FieldName: field, Message, Code, path, keyword: error.keyword, value },
    )
  }
  return issues
}
