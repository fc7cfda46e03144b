/**
 * Each of the seven errors, and an unknown error name: the client errors are tried once and reported
 * by name; ThrottlingException and InternalServerException are retried and, when they persist, reported.
 */
import { ERROR_INFO, ERROR_NAMES } from '../../model/errors.js'
import type { Revision } from '../../model/revisions.js'
import type { ScenarioDefinition } from '../scenario.js'
import { PERSISTENT_DEADLINE_MS } from './retry-scenarios.js'
import { inputFor, startScript } from './script-of.js'

/** An error name no model has: reported by its name, not retried (it is a 400). */
const UNKNOWN_ERROR_NAME = 'SomeFutureException'

/**
 * The error scenarios of a revision.
 * @param revision The revision (its HTTP status per error).
 * @returns One scenario per error, plus an unknown name.
 */
export function errorScenarios(revision: Revision): ScenarioDefinition[] {
  const scenarios = ERROR_NAMES.map((name): ScenarioDefinition => {
    const id = `error.${name}`
    const status = revision.errorHttpStatus[name]
    const retried = ERROR_INFO[name].sdkRetry !== 'no'
    return {
      id,
      title: retried
        ? `${name} (${status}) on every attempt: retried, then reported`
        : `${name} (${status}): tried once, reported by name`,
      tags: ['error', retried ? 'retry' : 'no-retry'],
      input: inputFor(id),
      script: startScript([], { kind: 'error', name }),
      expect: retried ? { kind: 'gives-up', name } : { kind: 'error', name },
      ...(retried ? { deadlineMs: PERSISTENT_DEADLINE_MS } : {}),
      why: ERROR_INFO[name].summary,
    }
  })
  const id = 'error.unknown-name'
  scenarios.push({
    id,
    title: `An error name no model has (${UNKNOWN_ERROR_NAME}, 400): tried once, reported by name`,
    tags: ['error', 'no-retry', 'unknown-enum'],
    input: inputFor(id),
    script: startScript([], { kind: 'error', name: UNKNOWN_ERROR_NAME, status: 400 }),
    expect: { kind: 'error', name: UNKNOWN_ERROR_NAME },
    why: 'Services add errors; an unknown 400 is a client error under its own name (service-facts §4).',
  })
  return scenarios
}
