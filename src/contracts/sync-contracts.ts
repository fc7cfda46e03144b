/**
 * Compares rendered contracts with the files on disk, and writes them. One piece of code both
 * generates (`npm run contracts`) and checks (`test/contracts/in-sync.test.ts`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { REVISION_IDS } from '../model/revisions.js'
import type { RenderedContracts } from './render-contracts.js'

/** How the files on disk differ from the rendered ones. */
export interface ContractsDiff {
  /** Rendered but not on disk. */
  readonly missing: readonly string[]
  /** On disk with other content. */
  readonly stale: readonly string[]
  /** On disk in a revision folder, but no longer rendered. */
  readonly extra: readonly string[]
}

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

function generatedOnDisk(root: string): string[] {
  return REVISION_IDS.flatMap((id) => filesBelow(join(root, 'contracts', id))).map((file) =>
    relative(root, file).split('\\').join('/'),
  )
}

/**
 * Lists the differences between rendered contracts and `contracts/` below `root`.
 * @param rendered The output of `renderContracts()`.
 * @param root The package root.
 * @returns Paths that are missing, stale or extra; all empty when in sync.
 */
export function diffContracts(rendered: RenderedContracts, root: string): ContractsDiff {
  const missing: string[] = []
  const stale: string[] = []
  for (const [path, text] of rendered) {
    const file = join(root, path)
    if (!existsSync(file)) missing.push(path)
    else if (readFileSync(file, 'utf8') !== text) stale.push(path)
  }
  const extra = generatedOnDisk(root).filter((path) => !rendered.has(path))
  return { missing, stale, extra }
}

/**
 * Writes rendered contracts below `root` and removes generated files that are no longer rendered.
 * @param rendered The output of `renderContracts()`.
 * @param root The package root.
 * @returns The diff that was repaired.
 */
export function writeContracts(rendered: RenderedContracts, root: string): ContractsDiff {
  const diff = diffContracts(rendered, root)
  for (const path of [...diff.missing, ...diff.stale]) {
    const file = join(root, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, rendered.get(path) ?? '')
  }
  for (const path of diff.extra) rmSync(join(root, path))
  return diff
}
