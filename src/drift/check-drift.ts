/**
 * Compares the model with the installed AWS SDK, so that a change of the service (a new ReasonCode,
 * a removed member) is seen in CI before users meet it.
 */
import { createRequire } from 'node:module'
import { modelSurface, sdkSurface, type ApiSurface, type SurfaceAspect } from './api-surface.js'
import { resolveRevision } from '../model/revisions.js'

/** The SDK package the model is compared with. */
export const SDK_PACKAGE = '@aws-sdk/client-partnercentral-selling'

/** One aspect that differs. */
export interface DriftDifference {
  readonly aspect: SurfaceAspect
  /** In the model, not in the SDK. */
  readonly onlyInModel: readonly string[]
  /** In the SDK, not in the model. */
  readonly onlyInSdk: readonly string[]
}

/** The result of a drift check. */
export interface DriftReport {
  readonly inSync: boolean
  readonly sdkVersion: string
  readonly revision: string
  /** Each aspect compared, with how many values each side has. */
  readonly compared: readonly { readonly aspect: SurfaceAspect; readonly count: number }[]
  readonly differences: readonly DriftDifference[]
}

/**
 * Compares two surfaces aspect by aspect (as sets).
 * @param model The model's surface.
 * @param sdk The SDK's surface.
 * @returns The differences; empty when in sync.
 */
export function compareSurfaces(model: ApiSurface, sdk: ApiSurface): DriftDifference[] {
  const differences: DriftDifference[] = []
  for (const aspect of Object.keys(model) as SurfaceAspect[]) {
    const ours = new Set(model[aspect])
    const theirs = new Set(sdk[aspect])
    const onlyInModel = [...ours].filter((value) => !theirs.has(value))
    const onlyInSdk = [...theirs].filter((value) => !ours.has(value))
    if (onlyInModel.length > 0 || onlyInSdk.length > 0)
      differences.push({ aspect, onlyInModel, onlyInSdk })
  }
  return differences
}

/** Options of {@link checkDrift}. */
export interface CheckDriftOptions {
  /**
   * The revision to compare; the SDK follows the current service model, so only `2025-12` should match.
   * @defaultValue '2025-12'
   */
  readonly revision?: string
  /**
   * The model surface to compare (tests pass a modified one).
   * @defaultValue the revision's surface
   */
  readonly model?: ApiSurface
}

/**
 * Compares a revision of the model (the current one by default) with the installed
 * `@aws-sdk/client-partnercentral-selling`.
 * @param options The revision, or another model surface.
 * @returns The report; `inSync` is false when any aspect differs.
 */
export async function checkDrift(options: CheckDriftOptions = {}): Promise<DriftReport> {
  const sdk = (await import(SDK_PACKAGE)) as Record<string, unknown>
  const require = createRequire(import.meta.url)
  const { version } = require(`${SDK_PACKAGE}/package.json`) as { version: string }
  const revision = resolveRevision(options.revision).id
  const model = options.model ?? modelSurface(revision)
  const theirs = sdkSurface(sdk)
  const differences = compareSurfaces(model, theirs)
  return {
    inSync: differences.length === 0,
    sdkVersion: version,
    revision,
    compared: (Object.keys(model) as SurfaceAspect[]).map((aspect) => ({
      aspect,
      count: model[aspect].length,
    })),
    differences,
  }
}
