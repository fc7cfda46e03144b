import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import * as ajvFormats from 'ajv-formats'
import {
  contractFileOf,
  contractPath,
  type ContractKind,
} from '../../src/contracts/contract-files.js'
import { resolveRevision, type Revision } from '../../src/model/revisions.js'
import type { StringShapeName } from '../../src/model/constraints.js'
import { packageRoot } from '../../src/internal/package-root.js'

const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as (
  ajv: Ajv,
) => Ajv
const cache = new Map<string, ValidateFunction>()

/**
 * A second ajv, with default options, compiled straight from the committed contract file: the oracle
 * that the toolkit's own validator is compared with.
 * @param kind The contract kind.
 * @param revision The revision.
 * @returns The validate function.
 */
export function plainAjv(kind: ContractKind, revision = '2025-12'): ValidateFunction {
  const id = resolveRevision(revision).id
  const key = `${id}:${kind}`
  let validate = cache.get(key)
  if (validate === undefined) {
    const ajv = addFormats(new Ajv({ allErrors: true }))
    const schema = JSON.parse(
      readFileSync(join(packageRoot(), contractPath(id, contractFileOf(kind))), 'utf8'),
    ) as object
    validate = ajv.compile(schema)
    cache.set(key, validate)
  }
  return validate
}

/** Which model string shape each request or response member (or tag part) is. */
const REQUEST_STRING_SHAPES: Readonly<Record<string, StringShapeName>> = {
  Catalog: 'CatalogIdentifier',
  ClientToken: 'ClientToken',
  Identifier: 'EngagementInvitationArnOrIdentifier',
  Key: 'TagKey',
  Value: 'TagValue',
  TaskId: 'TaskIdentifier',
  TaskArn: 'TaskArn',
  StartTime: 'DateTime',
  OpportunityId: 'OpportunityIdentifier',
  ResourceSnapshotJobId: 'ResourceSnapshotJobIdentifier',
  EngagementInvitationId: 'EngagementInvitationIdentifier',
}

/**
 * The third oracle: the model's regular expression and length limits, compiled on their own.
 * @param member A string member of the request (tag `Key`, `Value` included) or of the response.
 * @param value A string.
 * @param revision The revision.
 * @returns Whether the model's constraint accepts it.
 */
export function regexOracle(member: string, value: string, revision: Revision): boolean {
  const shape = REQUEST_STRING_SHAPES[member]
  if (shape === undefined) throw new Error(`no string shape for ${member}`)
  const constraint = revision.strings[shape]
  const length = Array.from(value).length
  if (constraint.minLength !== undefined && length < constraint.minLength) return false
  if (constraint.maxLength !== undefined && length > constraint.maxLength) return false
  return new RegExp(constraint.pattern, 'u').test(value)
}

/**
 * Whether a member is a string member the regex oracle knows.
 * @param member A member name.
 * @returns True for string members.
 */
export function isStringMember(member: string): boolean {
  return member in REQUEST_STRING_SHAPES
}
