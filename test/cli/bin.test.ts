import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/internal/package-root.js'

// The bin as npm installs it: `npm ci` builds dist/ in `prepare`.
const root = packageRoot()
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  bin: { eck: string }
}
const bin = join(root, manifest.bin.eck)

describe('the eck bin', () => {
  it('exists after install (built by prepare)', () => {
    expect(existsSync(bin), `${bin} is missing: run npm ci or npm run build`).toBe(true)
  })

  it('prints help and exits 0', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })
    expect(out).toContain('validate <kind> [file]')
  })

  it('validates stdin and exits 1 on an invalid request, without a stack trace', () => {
    const run = spawnSync(process.execPath, [bin, 'validate', 'request', '-'], {
      input: '{"Catalog":"AWS"}',
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('REQUIRED_FIELD_MISSING')
  })

  it('exits 2 with one line and a hint on a usage error', () => {
    const run = spawnSync(process.execPath, [bin, 'validate', 'request', '/no/such/file'], {
      encoding: 'utf8',
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toBe(
      'eck: File not found: "/no/such/file". Check the path, or pass - to read stdin.\nTry: eck validate --help\n',
    )
  })

  it(
    'runs eck check from the built bin, a TypeScript client included, without the SDK Node notice',
    { timeout: 60_000 },
    () => {
      const run = spawnSync(
        process.execPath,
        [
          bin,
          'check',
          '--client',
          'test/fixtures/modules/typed-sdk-client.ts',
          '--only',
          'success.in-progress,error.ConflictException',
        ],
        {
          encoding: 'utf8',
          cwd: root,
          env: Object.fromEntries(
            Object.entries(process.env).filter(
              ([name]) => name !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
            ),
          ),
        },
      )
      expect(run.status).toBe(0)
      expect(run.stdout).toMatch(/eck check: PASS/)
      expect(run.stderr).not.toContain('NodeVersionSupportWarning')
    },
  )

  it(
    'reports a client module that calls process.exit as a crash (it runs in a thread of its own), exit 1',
    { timeout: 60_000 },
    () => {
      const run = spawnSync(
        process.execPath,
        [
          bin,
          'check',
          '--client',
          'test/fixtures/modules/exits.mjs',
          '--only',
          'success.in-progress',
        ],
        { encoding: 'utf8', cwd: root },
      )
      expect(run.status).toBe(1)
      expect(run.stdout).toContain('the client ended its thread')
    },
  )
})
