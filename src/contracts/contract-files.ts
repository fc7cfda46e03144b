/**
 * Which JSON Schema documents `contracts/` holds for each revision, and which model type each is
 * generated from. Pure data shared by contract rendering and the validators.
 */
import { ERROR_NAMES, type ErrorName } from '../model/errors.js'
import type { RevisionId } from '../model/revisions.js'

/** A shape with a contract: the four operation shapes, or an error body. */
export type ContractKind =
  | 'request'
  | 'response'
  | 'list-request'
  | 'list-response'
  | `error:${ErrorName}`

/** One contract document. */
export interface ContractFile {
  readonly kind: ContractKind
  /** The model type it is generated from (a symbol in `src/model`). */
  readonly symbol: string
  /** Path below `contracts/<revision>/`. */
  readonly file: string
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
}

/** Every contract of a revision, in a fixed order. */
export const CONTRACT_FILES: readonly ContractFile[] = [
  {
    kind: 'request',
    symbol: 'StartEngagementByAcceptingInvitationTaskRequest',
    file: 'start-engagement-by-accepting-invitation-task.request.schema.json',
  },
  {
    kind: 'response',
    symbol: 'StartEngagementByAcceptingInvitationTaskResponse',
    file: 'start-engagement-by-accepting-invitation-task.response.schema.json',
  },
  {
    kind: 'list-request',
    symbol: 'ListEngagementByAcceptingInvitationTasksRequest',
    file: 'list-engagement-by-accepting-invitation-tasks.request.schema.json',
  },
  {
    kind: 'list-response',
    symbol: 'ListEngagementByAcceptingInvitationTasksResponse',
    file: 'list-engagement-by-accepting-invitation-tasks.response.schema.json',
  },
  ...ERROR_NAMES.map(
    (name): ContractFile => ({
      kind: `error:${name}`,
      symbol: name,
      file: `errors/${kebab(name)}.schema.json`,
    }),
  ),
]

/**
 * The path of a contract below the package root.
 * @param revision The revision id.
 * @param file The contract.
 * @returns e.g. `contracts/2025-12/start-engagement-by-accepting-invitation-task.request.schema.json`.
 */
export function contractPath(revision: RevisionId, file: ContractFile): string {
  return `contracts/${revision}/${file.file}`
}

/**
 * Finds the contract of a kind.
 * @param kind The contract kind.
 * @returns Its entry in {@link CONTRACT_FILES}.
 */
export function contractFileOf(kind: ContractKind): ContractFile {
  const found = CONTRACT_FILES.find((entry) => entry.kind === kind)
  if (found === undefined) throw new RangeError(`No contract of kind ${kind}`)
  return found
}
