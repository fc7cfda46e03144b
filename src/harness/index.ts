/**
 * The conformance harness: runs a client (in-process, or in any language through the client protocol
 * v1) against every scenario of the catalog on a loopback simulator, checks what it did, and renders
 * the verdict. `eck check` is a thin shell over {@link runConformance}.
 * @example
 * import { runConformance, moduleConformanceClient, renderReport } from 'engagement-contract-kit/harness'
 * const report = await runConformance(moduleConformanceClient('mine', myClient))
 * console.log(renderReport(report, 'console'))
 * @module
 */
export { runConformance, runScenario } from './run-conformance.js'
export { executeCall, startConformanceServer } from '../judge/execute-call.js'
export { moduleConformanceClient, commandConformanceClient } from '../judge/conformance-client.js'
export {
  createAwsSdkClient,
  reportSdkError,
  BUNDLED_CLIENTS,
  CAREFUL_SDK_CONFIG,
} from '../judge/clients/aws-sdk-client.js'
export { loadClientModule } from '../judge/clients/load-client-module.js'
export { scenarioCatalog, selectScenarios } from './scenarios/catalog.js'
export { RULEBOOK, RULES, RULE_IDS, judgeRun, rulesFedBy, ruleInfo } from '../judge/rulebook.js'
export { MAX_ATTEMPTS } from '../model/retry-classes.js'
export { withRules } from './scenarios/catalog.js'
export { summarize } from './conformance-report.js'
export { renderReport, isReporterName, REPORTERS } from './reporters/render-report.js'
export { parseClientOutput, CLIENT_ERROR_NAMES } from '../judge/client-outcome.js'
export {
  runCommandClient,
  protocolEnvironment,
  DUMMY_CREDENTIALS,
} from '../judge/command-client.js'
export { runModuleClient } from '../judge/module-client.js'

export type {
  RunConformanceOptions,
  RunScenarioOptions,
  ConformanceProgress,
} from './run-conformance.js'
export type {
  ConformanceClient,
  ClientCall,
  ClientCallResult,
  ModuleClientOptions,
  CommandClientOptions,
} from '../judge/conformance-client.js'
export type { BundledClientName } from '../judge/clients/aws-sdk-client.js'
export type { LoadedClientModule } from '../judge/clients/load-client-module.js'
export type { Scenario, ScenarioDefinition, Expectation } from './scenario.js'
export type { SelectScenariosOptions } from './scenarios/catalog.js'
export type { Rule, Finding, Severity, ScenarioShape } from '../judge/rule.js'
export type { RuleInfo } from '../judge/rulebook.js'
export type { CallRun } from '../judge/call-run.js'
export type { CallSpec, ExecuteCallOptions } from '../judge/execute-call.js'
export type {
  ConformanceReport,
  ScenarioReport,
  CheckSummary,
  CheckFinding,
  Verdict,
} from './conformance-report.js'
export type { ReporterName } from './reporters/render-report.js'
export type { ClientOutcome } from '../judge/client-outcome.js'
export type { RunCommandClientOptions, CommandRun } from '../judge/command-client.js'
export type { ClientContext, ClientReport, ClientFunction } from '../judge/module-client.js'
