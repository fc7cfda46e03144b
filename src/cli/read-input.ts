/**
 * Reads a document named on the command line (a path or `-` for stdin) with the limits every command
 * shares: at most 10 MiB, UTF-8, JSON with a line and column on syntax errors.
 */
import { open, stat } from 'node:fs/promises'
import { parseJson } from '../internal/parse-json.js'
import { UsageError } from '../internal/toolkit-error.js'

/** The largest document a command reads. */
const MAX_INPUT_BYTES = 10 * 1024 * 1024

async function readLimited(chunks: AsyncIterable<Buffer | string>, name: string): Promise<Buffer> {
  const parts: Buffer[] = []
  let size = 0
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > MAX_INPUT_BYTES) {
      throw new UsageError(`${name} is larger than 10 MiB; give a smaller document.`)
    }
    parts.push(buffer)
  }
  return Buffer.concat(parts)
}

/**
 * Reads the bytes of a file or of stdin.
 * @param file A path, or `-` for stdin.
 * @param stdin Standard input.
 * @returns The bytes.
 * @throws UsageError for a missing file, a directory or more than 10 MiB.
 */
async function readInputBytes(file: string, stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if (file === '-') return readLimited(stdin as AsyncIterable<Buffer | string>, 'Standard input')
  let info
  try {
    info = await stat(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new UsageError(
        `File not found: ${JSON.stringify(file)}. Check the path, or pass - to read stdin.`,
      )
    if (code === 'EACCES')
      throw new UsageError(`Permission denied reading ${JSON.stringify(file)}.`)
    throw new UsageError(`Cannot read ${JSON.stringify(file)}: ${(error as Error).message}`)
  }
  if (info.isDirectory())
    throw new UsageError(`${JSON.stringify(file)} is a directory; give a JSON file.`)
  if (info.size > MAX_INPUT_BYTES) {
    throw new UsageError(
      `${JSON.stringify(file)} is ${info.size} bytes, larger than 10 MiB; give a smaller document.`,
    )
  }
  const handle = await open(file, 'r')
  try {
    return await readLimited(handle.createReadStream(), JSON.stringify(file))
  } finally {
    await handle.close()
  }
}

/**
 * Reads and parses a JSON document from a file or stdin.
 * @param file A path, or `-` for stdin.
 * @param stdin Standard input.
 * @returns The parsed value (any JSON value).
 * @throws UsageError for unreadable input, invalid UTF-8 or text that is not JSON (with line and column).
 */
export async function readJsonInput(file: string, stdin: NodeJS.ReadableStream): Promise<unknown> {
  const bytes = await readInputBytes(file, stdin)
  const name = file === '-' ? 'Standard input' : JSON.stringify(file)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new UsageError(`${name} is not valid UTF-8 text; save it as UTF-8 JSON.`)
  }
  const parsed = parseJson(text)
  if (!parsed.ok) {
    throw new UsageError(
      `${name} is not JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.reason}.`,
    )
  }
  return parsed.value
}
