/**
 * `eck drift`: compares the model with the installed AWS SDK.
 */
import { checkDrift } from '../../drift/check-drift.js'
import { sortKeys } from '../../internal/stable-json.js'
import type { OptionValue } from '../option-values.js'
import type { CliContext } from '../output.js'

/** Options of `eck drift`. */
export interface DriftCommandOptions {
  readonly json?: boolean | boolean[]
  readonly revision?: OptionValue
}

/**
 * Runs `eck drift`.
 * @param options The parsed options.
 * @param context Where to write.
 * @returns 0 when in sync, 1 when the model and the SDK differ.
 */
export async function driftCommand(
  options: DriftCommandOptions,
  context: CliContext,
): Promise<number> {
  const report = await checkDrift(
    options.revision === undefined ? {} : { revision: String(options.revision) },
  )
  if (options.json === true || Array.isArray(options.json)) {
    context.out(`${JSON.stringify(sortKeys(report), null, 2)}\n`)
    return report.inSync ? 0 : 1
  }
  context.out(
    `Model revision ${report.revision} vs @aws-sdk/client-partnercentral-selling ${report.sdkVersion}\n`,
  )
  for (const { aspect, count } of report.compared) {
    const difference = report.differences.find((entry) => entry.aspect === aspect)
    if (difference === undefined) {
      context.out(`  ✓ ${aspect} (${count})\n`)
      continue
    }
    context.out(`  ✗ ${aspect}\n`)
    for (const value of difference.onlyInModel) context.out(`      - only in the model: ${value}\n`)
    for (const value of difference.onlyInSdk) context.out(`      + only in the SDK:   ${value}\n`)
  }
  context.out(
    report.inSync
      ? 'In sync.\n'
      : report.revision === '2025-12'
        ? 'Drift found: update src/model from the service model, run `npm run contracts`, and commit.\n'
        : `Revision ${report.revision} differs from the SDK as listed (expected for an older revision).\n`,
  )
  return report.inSync ? 0 : 1
}
