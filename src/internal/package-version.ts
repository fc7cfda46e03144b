/**
 * The toolkit's own name and version, read from its package.json.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from './package-root.js'

/**
 * The toolkit's package name and version.
 * @returns e.g. `{ name: 'engagement-contract-kit', version: '0.1.0' }`; `0.0.0` when unreadable.
 */
export function packageVersion(): { readonly name: string; readonly version: string } {
  try {
    const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
      name?: string
      version?: string
    }
    return {
      name: manifest.name ?? 'engagement-contract-kit',
      version: manifest.version ?? '0.0.0',
    }
  } catch {
    return { name: 'engagement-contract-kit', version: '0.0.0' }
  }
}
