/**
 * The fuzzer: random inputs and random server behaviour against a client, checked by invariants, with
 * failures shrunk to the smallest case and replayable by seed and path. `eck fuzz` is a thin shell over
 * {@link runFuzz}.
 * @example
 * import { runFuzz, renderFuzzReport } from 'engagement-contract-kit/fuzz'
 * import { moduleConformanceClient } from 'engagement-contract-kit/harness'
 * const report = await runFuzz(moduleConformanceClient('mine', myClient), { runs: 500, seed: 42 })
 * console.log(renderFuzzReport(report, 'console'))
 * @module
 */
export { runFuzz, parseReplay } from './run-fuzz.js'
export { fuzzCase, fuzzValidInput, fuzzInvalidInput, scenarioOfCase } from './fuzz-case.js'
export { faultStep, faultKindOf, FAULT_KINDS } from './fault-step.js'
export { checkFuzzRun, failsFuzzRun } from './check-fuzz-run.js'
export { readCorpus, saveCorpusCase } from './fuzz-corpus.js'
export { runModelFuzz } from './model-fuzz.js'
export {
  renderFuzzReport,
  renderFuzzConsole,
  renderFuzzJunit,
  isFuzzReporterName,
  FUZZ_REPORTERS,
} from './render-fuzz-report.js'

export type { RunFuzzOptions, FuzzProgress } from './run-fuzz.js'
export type { FuzzCase, FuzzCaseConstraints } from './fuzz-case.js'
export type { FaultKind, FaultStepConstraints } from './fault-step.js'
export type { Violation } from './check-fuzz-run.js'
export type { CorpusEntry } from './fuzz-corpus.js'
export type { ModelFuzzOptions } from './model-fuzz.js'
export type { FuzzReport, FuzzFailure, FuzzCoverage, FuzzWarning } from './fuzz-report.js'
export type { FuzzReporterName } from './render-fuzz-report.js'
