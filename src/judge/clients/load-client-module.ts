/**
 * Loads an in-process client from a file: a JS or TS module whose default export is
 * `(input, context) => Promise<{result} | {error}>`, and which may export `capabilities = { polls: true }`.
 */
import { existsSync, statSync } from 'node:fs'
import { extname, isAbsolute, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UsageError } from '../../internal/toolkit-error.js'
import type { ClientFunction } from '../module-client.js'

/** A loaded client module. */
export interface LoadedClientModule {
  readonly client: ClientFunction
  /** From `export const capabilities = { polls: true }`. */
  readonly polls: boolean
  /** The absolute path. */
  readonly path: string
}

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx'])
const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs'])

async function importModule(path: string): Promise<Record<string, unknown>> {
  if (TYPESCRIPT.has(extname(path))) {
    // Node 20 cannot run TypeScript itself: jiti transpiles it on the fly.
    const { createJiti } = await import('jiti')
    return await createJiti(pathToFileURL(path).href, { interopDefault: false }).import<
      Record<string, unknown>
    >(path)
  }
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>
}

/**
 * Loads a client module.
 * @param specifier The path given by the user, e.g. `./my-client.ts`.
 * @param cwd The directory a relative path starts from.
 * @returns The client function and whether it polls.
 * @throws UsageError when the file is missing, not JS/TS, fails to load, or has no default export function.
 */
export async function loadClientModule(
  specifier: string,
  cwd: string,
): Promise<LoadedClientModule> {
  const path = isAbsolute(specifier) ? specifier : resolve(cwd, specifier)
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new UsageError(
      `No client module at ${path}. Give a .js, .mjs or .ts file, or a bundled client: aws-sdk, aws-sdk-defaults, aws-sdk-polling.`,
    )
  }
  const extension = extname(path)
  if (!TYPESCRIPT.has(extension) && !JAVASCRIPT.has(extension)) {
    throw new UsageError(
      `${path} is not a JavaScript or TypeScript module (${extension || 'no extension'}). For a client in another language, use --command "<shell command>" (client protocol v1).`,
    )
  }
  let loaded: Record<string, unknown>
  try {
    loaded = await importModule(path)
  } catch (error) {
    throw new UsageError(
      `Cannot load the client module ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    )
  }
  let client = loaded.default
  // A CommonJS module (or a transpiled one) may nest the default export once more.
  if (
    client !== null &&
    typeof client === 'object' &&
    typeof (client as { default?: unknown }).default === 'function'
  )
    client = (client as { default: unknown }).default
  if (typeof client !== 'function') {
    throw new UsageError(
      `${path} has no default export function. Export one: export default async function (input, context) { … return { result } or { error: { name, message } } }.`,
    )
  }
  const capabilities = loaded.capabilities as { polls?: unknown } | undefined
  return { client: client as ClientFunction, polls: capabilities?.polls === true, path }
}
