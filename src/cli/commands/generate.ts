/**
 * `eck generate <kind>`: prints generated values as NDJSON, one per line, for teams in any language.
 */
import {
  generateSamples,
  SAMPLE_KINDS,
  type SampleKind,
} from '../../../generators/generate-samples.js'
import { resolveRevision } from '../../model/revisions.js'
import { UsageError } from '../../internal/toolkit-error.js'
import type { OptionValue } from '../option-values.js'
import type { CliContext } from '../output.js'

/** Options of `eck generate`. */
export interface GenerateCommandOptions {
  readonly invalid?: boolean | boolean[]
  readonly field?: OptionValue
  readonly rule?: OptionValue
  readonly count?: string | number | boolean
  readonly seed?: string | number | boolean
  readonly revision?: OptionValue
}

function integerOption(
  name: string,
  value: string | number | boolean | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback
  // cac gives `true` for an option without a value, and may turn an empty value into 0.
  const text = String(value).trim()
  const number =
    typeof value !== 'string' && typeof value !== 'number' ? NaN : text === '' ? NaN : Number(text)
  if (!Number.isInteger(number))
    throw new UsageError(`${name} must be a whole number, got ${JSON.stringify(String(value))}.`)
  return number
}

/**
 * Runs `eck generate`.
 * @param kind request, response, error or field.
 * @param options The parsed options.
 * @param context Where to write.
 * @returns 0.
 * @throws UsageError on bad options.
 */
export function generateCommand(
  kind: string,
  options: GenerateCommandOptions,
  context: CliContext,
): number {
  if (!(SAMPLE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`Unknown kind ${JSON.stringify(kind)}. Known: ${SAMPLE_KINDS.join(', ')}.`)
  }
  const revision = resolveRevision(
    options.revision === undefined ? undefined : String(options.revision),
  ).id
  const count = integerOption('-n', options.count, 10)
  const given = options.seed !== undefined
  // Drawn seeds are non-negative, so that the printed replay hint parses as a value, not an option.
  const seed = integerOption(
    '--seed',
    options.seed,
    ((Date.now() ^ (Math.random() * 0x7fffffff)) >>> 1) | 0,
  )
  const invalid =
    options.invalid === true || (Array.isArray(options.invalid) && options.invalid.length > 0)
  if (!invalid && options.rule !== undefined)
    throw new UsageError('--rule selects a broken rule: add --invalid.')
  if (!invalid && options.field !== undefined && (kind === 'request' || kind === 'response')) {
    throw new UsageError(
      `--field narrows --invalid ${kind} values: add --invalid, or use \`eck generate field --field ${String(options.field)}\`.`,
    )
  }
  const samples = generateSamples({
    kind: kind as SampleKind,
    count,
    seed,
    revision,
    invalid,
    ...(options.field === undefined ? {} : { field: String(options.field) }),
    ...(options.rule === undefined ? {} : { rule: String(options.rule) }),
  })
  if (!given) context.err(`seed ${seed} (replay with --seed=${seed})\n`)
  let lines: string[] = []
  for (const sample of samples) {
    lines.push(JSON.stringify(sample))
    if (lines.length === 256) {
      context.out(`${lines.join('\n')}\n`)
      lines = []
    }
  }
  if (lines.length > 0) context.out(`${lines.join('\n')}\n`)
  return 0
}
