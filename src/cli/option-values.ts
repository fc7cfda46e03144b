/**
 * Reading option values the way every command does: text, comma-separated lists, durations, whole
 * numbers; each wrong value is a one-line usage error naming the option.
 */
import { UsageError } from '../internal/toolkit-error.js'

/** What cac gives for an option's value: it turns numeric text into a number and a bare flag into `true`. */
export type OptionValue = string | number | boolean

/**
 * An option's text.
 * @param name The option, e.g. `--client`.
 * @param value What cac parsed.
 * @returns The text, or undefined when the option was not given.
 * @throws UsageError when the option was given without a value.
 */
export function optionText(
  name: string,
  value: string | number | boolean | undefined,
): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'boolean') throw new UsageError(`${name} needs a value.`)
  return String(value)
}

/**
 * A list option, comma-separated or repeated.
 * @param name The option.
 * @param value What cac parsed.
 * @returns The items, or undefined when the option was not given.
 */
export function optionList(
  name: string,
  value: string | number | boolean | (string | number)[] | undefined,
): string[] | undefined {
  if (value === undefined) return undefined
  const list = (Array.isArray(value) ? value : [value]).map((item) => optionText(name, item) ?? '')
  return list
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/**
 * Reads a duration: `10s`, `500ms`, `2m`, or a number of milliseconds.
 * @param value The option value.
 * @param name The option, for the message. @defaultValue '--deadline'
 * @returns Milliseconds.
 * @throws UsageError when it is not a duration.
 */
export function parseDuration(value: string, name = '--deadline'): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim())
  if (match === null)
    throw new UsageError(
      `${name} must be a duration like 10s, 500ms or 2m, got ${JSON.stringify(value)}.`,
    )
  const number = Number(match[1])
  const unit =
    match[2] === 's' ? 1000 : match[2] === 'm' ? 60_000 : match[2] === 'h' ? 3_600_000 : 1
  return Math.round(number * unit)
}

/**
 * A whole-number option.
 * @param name The option.
 * @param value What cac parsed.
 * @param min The least value.
 * @param max The greatest value.
 * @returns The number, or undefined when the option was not given.
 * @throws UsageError when it is not a whole number in range.
 */
export function optionInteger(
  name: string,
  value: string | number | boolean | undefined,
  min: number,
  max: number,
): number | undefined {
  const text = optionText(name, value)
  if (text === undefined) return undefined
  const number = text.trim() === '' ? Number.NaN : Number(text)
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UsageError(
      `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}.`,
    )
  return number
}

/**
 * Text that ends with one newline.
 * @param text Any text.
 * @returns The text, with a newline added when it had none.
 */
export function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`
}
