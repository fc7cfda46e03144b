/**
 * Renders `contracts/`: draft-07 JSON Schemas generated with typescript-json-schema from the model
 * types in `src/model`, then shaped per revision from the model's tables (constraints, enum order,
 * members). Deterministic: sorted keys, enum values in model order, no timestamps.
 *
 * This is build-time code: it reads the model's TypeScript sources, so it runs from a checkout
 * (`npm run contracts`), not from the published package.
 */
import { join } from 'node:path'
import * as TJS from 'typescript-json-schema'
import { CONTRACT_FILES, contractPath } from './contract-files.js'
import {
  ACCESS_DENIED_REASONS,
  LIST_TASKS_SORT_NAMES,
  SORT_ORDERS,
  TASK_STATUSES,
  VALIDATION_EXCEPTION_ERROR_CODES,
  VALIDATION_EXCEPTION_REASONS,
} from '../model/enums.js'
import {
  INTEGER_CONSTRAINTS,
  LIST_CONSTRAINTS,
  STRING_CONSTRAINTS,
  type ListShapeName,
  type StringShapeName,
} from '../model/constraints.js'
import { isErrorName } from '../model/errors.js'
import { REVISION_IDS, REVISIONS, type Revision } from '../model/revisions.js'
import { packageRoot } from '../internal/package-root.js'
import { stableJson } from '../internal/stable-json.js'
import { ToolkitError } from '../internal/toolkit-error.js'

type Json = Record<string, unknown>

/** Text of every generated file, by path below the package root. */
export type RenderedContracts = ReadonlyMap<string, string>

/** Options of {@link renderContracts}. */
export interface RenderContractsOptions {
  /**
   * The package root whose `src/model` is read.
   * @defaultValue the root of this package
   */
  readonly root?: string
}

/** The comment every generated schema carries. */
export const GENERATED_COMMENT = 'Generated from src/model by engagement-contract-kit; do not edit'

const MODEL_FILES = ['request.ts', 'response.ts', 'list.ts', 'error-shapes.ts']

/** Enum definitions and where their values (in model order) come from. */
const ENUM_VALUES: Readonly<Record<string, (revision: Revision) => readonly string[]>> = {
  TaskStatus: () => TASK_STATUSES,
  ReasonCode: (revision) => revision.reasonCodes,
  ValidationExceptionReason: () => VALIDATION_EXCEPTION_REASONS,
  ValidationExceptionErrorCode: () => VALIDATION_EXCEPTION_ERROR_CODES,
  AccessDeniedExceptionErrorCode: () => ACCESS_DENIED_REASONS,
  SortOrder: () => SORT_ORDERS,
  ListTasksSortName: () => LIST_TASKS_SORT_NAMES,
}

/** Array members: the list shape whose limits they carry and the shape of their items. */
const LIST_MEMBERS: Readonly<Record<string, { shape: ListShapeName; items: string }>> = {
  'StartEngagementByAcceptingInvitationTaskRequest.Tags': { shape: 'TagList', items: 'Tag' },
  'ListEngagementByAcceptingInvitationTasksRequest.TaskStatus': {
    shape: 'TaskStatuses',
    items: 'TaskStatus',
  },
  'ListEngagementByAcceptingInvitationTasksRequest.OpportunityIdentifier': {
    shape: 'OpportunityIdentifiers',
    items: 'OpportunityIdentifier',
  },
  'ListEngagementByAcceptingInvitationTasksRequest.EngagementInvitationIdentifier': {
    shape: 'EngagementInvitationIdentifiers',
    items: 'EngagementInvitationArnOrIdentifier',
  },
  'ListEngagementByAcceptingInvitationTasksRequest.TaskIdentifier': {
    shape: 'TaskIdentifiers',
    items: 'TaskArnOrIdentifier',
  },
}

/**
 * Renders every contract of every revision in memory.
 * @param options Where the model sources are.
 * @returns File texts by path (`contracts/<revision>/<file>`), in a fixed order.
 * @throws ToolkitError when the JSDoc constraints of the model types differ from `constraints.ts`.
 */
export function renderContracts(options: RenderContractsOptions = {}): RenderedContracts {
  const root = options.root ?? packageRoot()
  const program = TJS.getProgramFromFiles(
    MODEL_FILES.map((file) => join(root, 'src', 'model', file)),
    { strict: true, strictNullChecks: true, skipLibCheck: true, noEmit: true },
    root,
  )
  const generator = TJS.buildGenerator(program, {
    required: true,
    noExtraProps: true,
    aliasRef: true,
    ref: true,
    strictNullChecks: true,
    titles: false,
  })
  if (generator === null) {
    throw new ToolkitError('typescript-json-schema could not compile src/model. Run `npm run typecheck`.')
  }
  const base = new Map<string, Json>()
  const mismatches: string[] = []
  for (const entry of CONTRACT_FILES) {
    const schema = collapseAliasChains(generator.getSchemaForSymbol(entry.symbol) as unknown as Json)
    refListItems(entry.symbol, schema, (symbol) => generator.getSchemaForSymbol(symbol) as unknown as Json)
    mismatches.push(...checkAgainstTables(entry.symbol, schema))
    base.set(entry.symbol, schema)
  }
  if (mismatches.length > 0) {
    throw new ToolkitError(
      `The JSDoc constraints in src/model differ from src/model/constraints.ts:\n  ${mismatches.join('\n  ')}\nMake the JSDoc tags equal the table.`,
    )
  }
  const out = new Map<string, string>()
  for (const id of REVISION_IDS) {
    const revision = REVISIONS[id]
    for (const entry of CONTRACT_FILES) {
      const schema = structuredClone(base.get(entry.symbol)) as Json
      applyRevision(entry.symbol, schema, revision)
      schema.$comment = GENERATED_COMMENT
      schema.title = `${entry.symbol} (revision ${revision.id})`
      out.set(contractPath(id, entry), stableJson(schema))
    }
  }
  return out
}

function definitionsOf(schema: Json): Record<string, Json> {
  return (schema.definitions ?? {}) as Record<string, Json>
}

function refName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith('#/definitions/')
    ? ref.slice('#/definitions/'.length)
    : undefined
}

// typescript-json-schema writes an aliased interface as `X: { $ref: X_1 }` plus `X_1: {...}`;
// fold such chains so that each definition is named after its model shape.
function collapseAliasChains(schema: Json): Json {
  const defs = definitionsOf(schema)
  const renames = new Map<string, string>()
  for (const [name, body] of Object.entries(defs)) {
    const target = refName(body.$ref)
    if (target !== undefined && target.startsWith(`${name}_`) && defs[target] !== undefined) {
      defs[name] = { ...defs[target], ...(body.description === undefined ? {} : { description: body.description }) }
      renames.set(target, name)
    }
  }
  for (const target of renames.keys()) Reflect.deleteProperty(defs, target)
  walk(schema, (node) => {
    const target = refName(node.$ref)
    const renamed = target === undefined ? undefined : renames.get(target)
    if (renamed !== undefined) node.$ref = `#/definitions/${renamed}`
  })
  return schema
}

function walk(node: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit)
  } else if (node !== null && typeof node === 'object') {
    visit(node as Json)
    for (const value of Object.values(node)) walk(value, visit)
  }
}

// typescript-json-schema inlines the items of an array of aliases and drops their constraints:
// point the items at the item shape's own definition.
function refListItems(symbol: string, schema: Json, schemaOf: (symbol: string) => Json): void {
  const properties = (schema.properties ?? {}) as Record<string, Json>
  const defs = (schema.definitions ??= {}) as Record<string, Json>
  for (const [member, body] of Object.entries(properties)) {
    const list = LIST_MEMBERS[`${symbol}.${member}`]
    if (list === undefined) continue
    body.items = { $ref: `#/definitions/${list.items}` }
    if (defs[list.items] === undefined) {
      const item = schemaOf(list.items)
      Reflect.deleteProperty(item, '$schema')
      defs[list.items] = item
    }
  }
}

function checkAgainstTables(symbol: string, schema: Json): string[] {
  const found: string[] = []
  for (const [name, body] of Object.entries(definitionsOf(schema))) {
    if (Object.hasOwn(STRING_CONSTRAINTS, name)) {
      const want = STRING_CONSTRAINTS[name as StringShapeName].pattern
      if (body.pattern !== want) found.push(`${name}: @pattern ${String(body.pattern)}, table ${want}`)
    }
    if (Object.hasOwn(INTEGER_CONSTRAINTS, name)) {
      const want = INTEGER_CONSTRAINTS[name as keyof typeof INTEGER_CONSTRAINTS]
      if (body.minimum !== want.minimum || body.maximum !== want.maximum) {
        found.push(`${name}: @minimum/@maximum ${String(body.minimum)}/${String(body.maximum)}, table ${want.minimum}/${want.maximum}`)
      }
    }
  }
  const properties = (schema.properties ?? {}) as Record<string, Json>
  for (const [member, body] of Object.entries(properties)) {
    const shape = LIST_MEMBERS[`${symbol}.${member}`]?.shape
    if (shape === undefined) continue
    const want = LIST_CONSTRAINTS[shape]
    if (body.minItems !== want.minItems || body.maxItems !== want.maxItems) {
      found.push(`${symbol}.${member}: @minItems/@maxItems ${String(body.minItems)}/${String(body.maxItems)}, table ${shape} ${want.minItems}/${want.maxItems}`)
    }
  }
  return found
}

function applyRevision(symbol: string, schema: Json, revision: Revision): void {
  const defs = definitionsOf(schema)
  for (const [name, body] of Object.entries(defs)) {
    if (Object.hasOwn(revision.strings, name)) {
      const constraint = revision.strings[name as StringShapeName]
      body.pattern = constraint.pattern
      setOrDelete(body, 'minLength', constraint.minLength)
      setOrDelete(body, 'maxLength', constraint.maxLength)
      if (constraint.description !== undefined) body.description = constraint.description
    }
    if (Object.hasOwn(revision.integers, name)) {
      const constraint = revision.integers[name as keyof Revision['integers']]
      body.minimum = constraint.minimum
      body.maximum = constraint.maximum
    }
    const values = ENUM_VALUES[name]
    if (values !== undefined) {
      Reflect.deleteProperty(body, 'const')
      body.type = 'string'
      body.enum = [...values(revision)]
    }
  }
  const properties = (schema.properties ?? {}) as Record<string, Json>
  for (const [member, body] of Object.entries(properties)) {
    const shape = LIST_MEMBERS[`${symbol}.${member}`]?.shape
    if (shape === undefined) continue
    body.minItems = revision.lists[shape].minItems
    body.maxItems = revision.lists[shape].maxItems
  }
  if (symbol === 'StartEngagementByAcceptingInvitationTaskRequest') {
    for (const member of Object.keys(properties)) {
      if (!(revision.requestMembers as readonly string[]).includes(member)) {
        Reflect.deleteProperty(properties, member)
      }
    }
    schema.required = [...revision.requiredRequestMembers].sort()
  }
  if (isErrorName(symbol)) {
    const discriminator = properties.__type
    if (discriminator !== undefined) {
      // service-facts §4: the name is the text before the first `,` or `:`, after the `#`.
      discriminator.pattern = `^(?:[^#:,]*#)?${symbol}(?:[:,][\\s\\S]*)?$`
    }
  }
  pruneUnreferenced(schema)
}

function setOrDelete(body: Json, key: string, value: number | undefined): void {
  if (value === undefined) Reflect.deleteProperty(body, key)
  else body[key] = value
}

function pruneUnreferenced(schema: Json): void {
  const defs = definitionsOf(schema)
  const reachable = new Set<string>()
  const queue: unknown[] = [{ ...schema, definitions: undefined }]
  while (queue.length > 0) {
    walk(queue.pop(), (node) => {
      const target = refName(node.$ref)
      if (target !== undefined && !reachable.has(target)) {
        reachable.add(target)
        queue.push(defs[target])
      }
    })
  }
  for (const name of Object.keys(defs)) {
    if (!reachable.has(name)) Reflect.deleteProperty(defs, name)
  }
  if (Object.keys(defs).length === 0) Reflect.deleteProperty(schema, 'definitions')
}
