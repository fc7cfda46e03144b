import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../src/internal/package-root.js'

// Layers (STYLE.md §1): a file may import from lower layers, its own folder and internal/.
const LAYERS: Record<string, number> = {
  'src/model': 0,
  'src/contracts': 1,
  'src/validators': 1,
  generators: 2,
  'src/mock': 3,
  // The rulebook and the client runner: below every command that runs or judges a client.
  'src/judge': 4,
  'src/harness': 5,
  'src/fuzz': 5,
  'src/pact': 5,
  'src/drift': 5,
  'src/cli': 6,
  'src/internal': -1,
}

const root = packageRoot()

function layerOf(file: string): [string, number] | undefined {
  const rel = relative(root, file).split('\\').join('/')
  const match = Object.keys(LAYERS)
    .filter((dir) => rel.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length)[0]
  return match === undefined ? undefined : [match, LAYERS[match] as number]
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('architecture', () => {
  it('has no upward import between layers', () => {
    const violations: string[] = []
    for (const file of [
      ...sources('src'),
      ...(LAYERS.generators === undefined ? [] : safeSources('generators')),
    ]) {
      const from = layerOf(file)
      if (from === undefined) continue
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(
        /(?:import|export)[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)|import\s+'(\.[^']+)'/g,
      )) {
        const spec = match[1] ?? match[2] ?? match[3] ?? ''
        const target = layerOf(resolve(dirname(file), spec))
        if (target === undefined) continue
        const [toDir, to] = target
        if (toDir === from[0] || to === -1) continue
        if (
          from[1] === -1 ||
          to > from[1] ||
          (to === from[1] && toDir !== from[0] && from[1] !== 1)
        ) {
          violations.push(
            `${relative(root, file)} -> ${spec} (${from[0]} L${from[1]} imports ${toDir} L${to})`,
          )
        }
      }
    }
    expect(violations).toEqual([])
  })
})

function safeSources(dir: string): string[] {
  try {
    return sources(dir)
  } catch {
    return []
  }
}
