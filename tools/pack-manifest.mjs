// Keeps the `prepare` script (which builds dist/ on `npm ci` in this repository) out of the published
// package.json: npm 11 warns about a dependency's install scripts that `allowScripts` does not cover, and
// a tarball needs no build. `npm pack` and `npm publish` run `prepack` (strip), then `prepare` from the
// manifest npm read before (the build), pack, and `postpack` (restore the file byte for byte), as pinst
// does for `postinstall`. `.ci/pack-check` fails when a packed package.json still has `prepare`.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const manifest = join(root, 'package.json')
const backup = join(root, 'node_modules', '.cache', 'engagement-contract-kit', 'package.json')

const mode = process.argv[2]
if (mode === 'strip') {
  // A pack interrupted before postpack left the stripped file behind: put the original back first.
  if (existsSync(backup)) renameSync(backup, manifest)
  const text = readFileSync(manifest, 'utf8')
  const pkg = JSON.parse(text)
  delete pkg.scripts.prepare
  mkdirSync(dirname(backup), { recursive: true })
  writeFileSync(backup, text)
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`)
} else if (mode === 'restore') {
  if (existsSync(backup)) renameSync(backup, manifest)
} else {
  process.stderr.write('usage: node tools/pack-manifest.mjs strip|restore\n')
  process.exitCode = 2
}
