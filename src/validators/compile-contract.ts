/**
 * ajv validators compiled once from the committed `contracts/` files: strict, allErrors, draft-07,
 * patterns with the `u` flag.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import * as ajvFormats from 'ajv-formats'
import { contractFileOf, contractPath, type ContractKind } from '../contracts/contract-files.js'
import type { RevisionId } from '../model/revisions.js'
import { packageRoot } from '../internal/package-root.js'
import { ToolkitError } from '../internal/toolkit-error.js'

type FormatsPlugin = (ajv: Ajv, formats: string[]) => Ajv
// ajv-formats is CommonJS with `exports.default`; under NodeNext the default is the namespace.
const addFormats =
  (ajvFormats as unknown as { default?: FormatsPlugin }).default ??
  (ajvFormats as unknown as FormatsPlugin)

const instances = new Map<RevisionId, Ajv>()
const compiled = new Map<RevisionId, Map<ContractKind, ValidateFunction>>()

/**
 * Creates the ajv instance the toolkit validates with.
 * @returns A strict, allErrors ajv with the `date-time` format.
 */
export function createAjv(): Ajv {
  // messages: false: issues get the toolkit's own messages; verbose: errors carry the offending data.
  const ajv = new Ajv({
    strict: true,
    allErrors: true,
    unicodeRegExp: true,
    messages: false,
    verbose: true,
  })
  addFormats(ajv, ['date-time'])
  return ajv
}

/**
 * Reads a committed contract.
 * @param revision The revision id.
 * @param kind The contract kind.
 * @returns The parsed JSON Schema.
 * @throws ToolkitError when the file is missing or unreadable.
 */
export function loadContract(revision: RevisionId, kind: ContractKind): Record<string, unknown> {
  const path = join(packageRoot(), contractPath(revision, contractFileOf(kind)))
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new ToolkitError(
      `Cannot read the contract ${path}. Run \`npm run contracts\` or reinstall.`,
      {
        cause: error,
      },
    )
  }
}

/**
 * The compiled validator of one contract, compiled on first use and cached.
 * @param revision The revision id.
 * @param kind The contract kind.
 * @returns The ajv validate function.
 */
export function compiledContract(revision: RevisionId, kind: ContractKind): ValidateFunction {
  let byKind = compiled.get(revision)
  if (byKind === undefined)
    compiled.set(revision, (byKind = new Map<ContractKind, ValidateFunction>()))
  let validate = byKind.get(kind)
  if (validate === undefined) {
    let ajv = instances.get(revision)
    if (ajv === undefined) instances.set(revision, (ajv = createAjv()))
    validate = ajv.compile(loadContract(revision, kind))
    byKind.set(kind, validate)
  }
  return validate
}
