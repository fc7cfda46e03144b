/**
 * `eck validate <kind> <file|->`: checks a JSON document against a contract.
 */
import { resolveRevision } from '../../model/revisions.js'
import { previewValue } from '../../internal/preview-value.js'
import { sortKeys } from '../../internal/stable-json.js'
import { UsageError } from '../../internal/toolkit-error.js'
import {
  DOCUMENT_KINDS,
  DOCUMENT_TITLES,
  validateDocument,
  type DocumentKind,
} from '../../validators/validate-document.js'
import type { OptionValue } from '../option-values.js'
import type { CliContext } from '../output.js'
import { readJsonInput } from '../read-input.js'

// Member names come from the document: escape control characters so that none can break a line or
// send a terminal escape sequence.
function printable(text: string): string {
  return text.replace(
    /[\p{Cc}\u2028\u2029]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Options of `eck validate`. */
export interface ValidateCommandOptions {
  readonly revision?: OptionValue
  readonly json?: boolean | boolean[]
  readonly name?: OptionValue
}

/**
 * Runs `eck validate`.
 * @param kind The document kind argument.
 * @param file The file argument (`-` for stdin).
 * @param options The parsed options.
 * @param context Where to read and write.
 * @returns 0 when valid, 1 when invalid.
 * @throws UsageError on a bad kind, revision or unreadable input.
 */
export async function validateCommand(
  kind: string,
  file: string,
  options: ValidateCommandOptions,
  context: CliContext,
): Promise<number> {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(
      `Unknown document kind ${JSON.stringify(kind)}. Known: ${DOCUMENT_KINDS.join(', ')}.`,
    )
  }
  const revision = resolveRevision(
    options.revision === undefined ? undefined : String(options.revision),
  )
  const value = await readJsonInput(file, context.stdin)
  const result = validateDocument(kind as DocumentKind, value, {
    revision: revision.id,
    ...(options.name === undefined ? {} : { name: String(options.name) }),
  })
  const title = `${DOCUMENT_TITLES[kind as DocumentKind]}${result.name === undefined ? '' : ` (${result.name})`}`
  if (options.json === true || Array.isArray(options.json)) {
    const report = {
      kind,
      revision: revision.id,
      valid: result.valid,
      ...(result.name === undefined ? {} : { name: result.name }),
      issues: result.issues.map((issue) => ({
        FieldName: issue.FieldName ?? null,
        Code: issue.Code,
        Message: issue.Message,
        value: issue.value === undefined ? null : previewValue(issue.value),
      })),
      warnings: result.warnings.map((warning) => ({
        FieldName: warning.FieldName ?? null,
        Message: warning.Message,
      })),
    }
    context.out(`${JSON.stringify(sortKeys(report), null, 2)}\n`)
  } else {
    const where = file === '-' ? 'stdin' : file
    if (result.valid) context.out(`✓ ${where}: valid ${title} (revision ${revision.id})\n`)
    else {
      const count = result.issues.length
      context.out(
        `✗ ${where}: invalid ${title} (revision ${revision.id}): ${count} issue${count === 1 ? '' : 's'}\n`,
      )
      for (const issue of result.issues) {
        const value = issue.value === undefined ? '' : `\n      value: ${previewValue(issue.value)}`
        context.out(
          `  - ${printable(issue.FieldName ?? '(input)')}: ${issue.Code}: ${printable(issue.Message)}${value}\n`,
        )
      }
    }
    for (const warning of result.warnings) context.err(`warning: ${printable(warning.Message)}\n`)
  }
  return result.valid ? 0 : 1
}
