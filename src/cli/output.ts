/** Where a command writes: results to `out` (stdout), progress, warnings and errors to `err`. */
export interface Output {
  out(text: string): void
  err(text: string): void
}

/** What a CLI run may read besides its arguments. */
export interface CliContext extends Output {
  /** Standard input, for `-` file arguments. */
  readonly stdin: NodeJS.ReadableStream
  /** The environment (for CI variables and defaults). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The working directory. */
  readonly cwd: string
  /** Settles when the user asks to stop (Ctrl-C, SIGTERM): long-running commands end then. */
  readonly stopped?: Promise<void>
}
