import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ToolkitError } from './toolkit-error.js'

const PACKAGE_NAME = 'engagement-contract-kit'
let cached: string | undefined

/**
 * Finds the root folder of this package (where `package.json` and `contracts/` are), from the
 * source tree or from `dist/`.
 * @returns The absolute path.
 * @throws ToolkitError when no package.json named engagement-contract-kit is above this file.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown }
      if (manifest.name === PACKAGE_NAME) return (cached = dir)
    }
    const parent = dirname(dir)
    if (parent === dir) {
      throw new ToolkitError(
        `Cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(import.meta.url)}. Reinstall the package.`,
      )
    }
    dir = parent
  }
}
