/**
 * Runs the checks a scenario feeds on one run: the wire check always, then the scenario's own.
 */
import type { ScenarioRun } from '../scenario-run.js'
import type { CheckFinding } from './check-finding.js'
import type { CheckId } from './check-info.js'
import {
  checkInvalidInput,
  checkReportedError,
  checkResult,
  checkRobust,
} from './outcome-checks.js'
import { checkLostResponse, checkPatience, checkRetried } from './retry-checks.js'
import { checkWire } from './wire-check.js'

const RUNNERS: Readonly<Record<CheckId, (run: ScenarioRun) => CheckFinding>> = {
  wire: checkWire,
  success: (run) => checkResult(run, 'success'),
  'failed-task': (run) => checkResult(run, 'failed-task'),
  'not-retried': (run) => checkReportedError(run, 'not-retried'),
  retried: checkRetried,
  'lost-response': checkLostResponse,
  encodings: (run) => checkReportedError(run, 'encodings'),
  robust: checkRobust,
  'invalid-input': checkInvalidInput,
  patience: checkPatience,
}

/**
 * Evaluates a run.
 * @param run The run.
 * @returns One finding per check the scenario feeds, the wire check first.
 */
export function evaluateRun(run: ScenarioRun): CheckFinding[] {
  const ids: CheckId[] = ['wire', ...run.scenario.checks.filter((id) => id !== 'wire')]
  return ids.map((id) => RUNNERS[id](run))
}
