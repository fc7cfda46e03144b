/**
 * The corpus: failing cases saved as JSON files, re-run first on the next fuzz (fast-check keeps no case
 * database of its own).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ToolkitError, UsageError } from '../internal/toolkit-error.js'
import { stableJson } from '../internal/stable-json.js'
import { parseBehaviourScript } from '../mock/behaviour-script.js'
import type { FuzzCase } from './fuzz-case.js'

/** A saved case. */
export interface CorpusEntry {
  readonly file: string
  readonly case: FuzzCase
}

function isCase(value: unknown): value is FuzzCase {
  if (value === null || typeof value !== 'object') return false
  const record = value as Record<string, unknown>
  if (
    record.input === null ||
    typeof record.input !== 'object' ||
    Array.isArray(record.input) ||
    !Array.isArray(record.steps)
  )
    return false
  // The steps must be a valid behaviour script: a hand-edited file fails here, not in the simulator.
  parseBehaviourScript({
    operations: {
      StartEngagementByAcceptingInvitationTask: {
        steps: record.steps,
        ...(record.then === undefined ? {} : { then: record.then }),
      },
    },
  })
  return record.invalidRule === undefined || typeof record.invalidRule === 'string'
}

/**
 * Reads every case of a corpus directory (a missing directory is an empty corpus).
 * @param directory The directory.
 * @returns The cases, by file name.
 * @throws UsageError naming a file that is not a saved case.
 */
export function readCorpus(directory: string): CorpusEntry[] {
  let names: string[]
  try {
    names = readdirSync(directory)
      .filter((name) => name.endsWith('.json'))
      .sort()
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return []
    throw new ToolkitError(
      `Cannot read the corpus directory ${directory}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  return names.map((name) => {
    const file = join(directory, name)
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      throw new UsageError(
        `${file} is not JSON (${error instanceof Error ? error.message : String(error)}); remove it or fix it.`,
      )
    }
    const value = (parsed as { case?: unknown } | null)?.case
    try {
      if (!isCase(value))
        throw new UsageError('expected {"case": {"input": {...}, "steps": [...]}}')
    } catch (error) {
      throw new UsageError(
        `${file} is not a saved fuzz case: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    return { file, case: value }
  })
}

/**
 * Saves a failing case (the file name is a hash of the case, so saving twice keeps one file).
 * @param directory The corpus directory (created when missing).
 * @param fuzz The case.
 * @param details What failed, for people reading the file.
 * @returns The file written.
 */
export function saveCorpusCase(
  directory: string,
  fuzz: FuzzCase,
  details: Readonly<Record<string, unknown>>,
): string {
  const text = stableJson({ case: fuzz })
  const file = join(
    directory,
    `case-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`,
  )
  try {
    mkdirSync(directory, { recursive: true })
    writeFileSync(file, stableJson({ ...details, case: fuzz }))
  } catch (error) {
    throw new ToolkitError(
      `Cannot save the failing case to ${file}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  return file
}
