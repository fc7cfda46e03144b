import { UsageError } from './toolkit-error.js'

/**
 * Throws a {@link UsageError} with `message` when `condition` is false.
 * @param condition What must hold.
 * @param message What failed, the value and the fix.
 * @throws UsageError when the condition is false.
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new UsageError(message)
}
