import { execFileSync } from 'node:child_process'

/**
 * Whether python3 runs here (the protocol v1 example is in Python; tests that need it are skipped, and
 * say so, where it does not).
 * @returns True when `python3 --version` succeeds.
 */
export function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
