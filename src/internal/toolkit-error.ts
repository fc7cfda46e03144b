/** Prefix of every message the toolkit writes. */
export const MESSAGE_PREFIX = '[engagement-contract-kit]'

/**
 * The base class of every error the toolkit throws. Messages say what failed, the offending value
 * and the fix, behind the `[engagement-contract-kit]` prefix.
 */
export class ToolkitError extends Error {
  /**
   * @param message What failed, the value and the fix (the prefix is added when missing).
   * @param options `cause`, when another error led to this one.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message.startsWith(MESSAGE_PREFIX) ? message : `${MESSAGE_PREFIX} ${message}`, options)
    this.name = new.target.name
  }
}

/** A bad option or argument given by the caller: the CLI turns it into exit code 2. */
export class UsageError extends ToolkitError {}
