/**
 * A FAILED task with every ReasonCode of the revision, and an unknown future one.
 */
import type { Revision } from '../../model/revisions.js'
import { REASON_CODE_INFO } from '../../model/reason-codes.js'
import type { ScenarioDefinition } from '../scenario.js'
import { inputFor, startScript } from './script-of.js'

/** A ReasonCode no model has yet: clients must carry it through, not crash on it. */
const UNKNOWN_REASON_CODE = 'SomeFutureReasonCode'

/**
 * The FAILED-task scenarios of a revision.
 * @param revision The revision (its ReasonCodes).
 * @returns One scenario per ReasonCode, plus an unknown one.
 */
export function failedTaskScenarios(revision: Revision): ScenarioDefinition[] {
  return [...revision.reasonCodes, UNKNOWN_REASON_CODE].map((reasonCode): ScenarioDefinition => {
    const id = `failed-task.${reasonCode}`
    const known = reasonCode !== UNKNOWN_REASON_CODE
    return {
      id,
      title: known
        ? `The task FAILED with ReasonCode ${reasonCode}`
        : `The task FAILED with a ReasonCode no model has (${reasonCode})`,
      tags: ['failed-task', ...(known ? [] : ['unknown-enum'])],
      input: inputFor(id),
      script: startScript([], {
        kind: 'task',
        status: 'FAILED',
        reasonCode,
        message: `The task failed: ${reasonCode}.`,
      }),
      expect: { kind: 'result', taskStatus: 'FAILED', reasonCode, attempts: 1 },
      why: known
        ? `${reasonCode}: ${REASON_CODE_INFO[reasonCode as keyof typeof REASON_CODE_INFO].hint}`
        : 'Enums grow: a client must report an unknown ReasonCode as it came, not crash.',
    }
  })
}
