/**
 * The scenario catalog: every scenario of a revision, and the selection by `--only` / `--skip`.
 */
import { UsageError } from '../../internal/toolkit-error.js'
import { resolveRevision } from '../../model/revisions.js'
import { assertFeedsRules, shapeSteps } from '../../judge/rulebook.js'
import type { Scenario, ScenarioDefinition } from '../scenario.js'
import { encodingScenarios } from './encoding-scenarios.js'
import { errorScenarios } from './error-scenarios.js'
import { failedTaskScenarios } from './failed-task-scenarios.js'
import { frontDoorScenarios } from './front-door-scenarios.js'
import { credentialError } from '../../mock/credentials.js'
import { invalidInputScenarios } from './invalid-input-scenarios.js'
import { malformedScenarios } from './malformed-scenarios.js'
import { retryScenarios } from './retry-scenarios.js'
import { successScenarios } from './success-scenarios.js'

const cache = new Map<string, readonly Scenario[]>()

/**
 * A scenario with the rules it feeds, derived from its expectation and script.
 * @param definition The scenario as written.
 * @returns The scenario.
 * @throws UsageError when it feeds no rule beyond the frame of every call.
 */
export function withRules(definition: ScenarioDefinition): Scenario {
  const start = definition.script?.operations?.StartEngagementByAcceptingInvitationTask
  // A key the front door refuses answers every attempt as a front-door step would.
  const refused =
    definition.credentials === undefined ? undefined : credentialError(definition.credentials)
  const steps = shapeSteps(
    start?.steps,
    refused === undefined ? start?.then : { kind: 'front-door', name: refused },
  )
  return {
    ...definition,
    rules: assertFeedsRules(definition.id, { expect: definition.expect, steps }),
  }
}

/**
 * Every scenario of a revision, in a stable order.
 * @param revision A revision id or alias. @defaultValue '2025-12'
 * @returns The catalog (the same array for the same revision).
 */
export function scenarioCatalog(revision?: string): readonly Scenario[] {
  const rev = resolveRevision(revision)
  let catalog = cache.get(rev.id)
  if (catalog === undefined) {
    catalog = Object.freeze(
      [
        ...successScenarios(rev),
        ...failedTaskScenarios(rev),
        ...errorScenarios(rev),
        ...retryScenarios(),
        ...encodingScenarios(),
        ...malformedScenarios(),
        ...invalidInputScenarios(rev),
        ...frontDoorScenarios(),
      ].map(withRules),
    )
    cache.set(rev.id, catalog)
  }
  return catalog
}

/** Options of {@link selectScenarios}. */
export interface SelectScenariosOptions {
  /** Keep only scenarios whose id, id prefix (`error`, `error.`) or tag is one of these. */
  readonly only?: readonly string[]
  /** Then drop scenarios whose id, id prefix or tag is one of these. */
  readonly skip?: readonly string[]
}

function matches(scenario: Scenario, selector: string): boolean {
  const bare = selector.replace(/\.$/, '')
  return scenario.id === bare || scenario.id.startsWith(`${bare}.`) || scenario.tags.includes(bare)
}

/**
 * Selects scenarios by id, id prefix or tag.
 * @param catalog The catalog.
 * @param options `only` and `skip` selectors.
 * @returns The selected scenarios, in catalog order.
 * @throws UsageError when a selector matches nothing (a typo would otherwise pass silently).
 */
export function selectScenarios(
  catalog: readonly Scenario[],
  options: SelectScenariosOptions = {},
): Scenario[] {
  for (const selector of [...(options.only ?? []), ...(options.skip ?? [])]) {
    if (!catalog.some((scenario) => matches(scenario, selector))) {
      const tags = [...new Set(catalog.flatMap((scenario) => scenario.tags))].sort()
      throw new UsageError(
        `No scenario matches ${JSON.stringify(selector)}. Give an id (see eck check --list), an id prefix such as "error", or a tag: ${tags.join(', ')}.`,
      )
    }
  }
  return catalog.filter(
    (scenario) =>
      (options.only === undefined ||
        options.only.length === 0 ||
        options.only.some((selector) => matches(scenario, selector))) &&
      !(options.skip ?? []).some((selector) => matches(scenario, selector)),
  )
}
