import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import * as main from '../src/index.js'
import * as generators from '../generators/index.js'
import * as mock from '../src/mock/index.js'
import * as harness from '../src/harness/index.js'
import * as vitestEntry from '../src/vitest.js'
import * as fuzzEntry from '../src/fuzz/index.js'
import * as pactEntry from '../src/pact/index.js'

describe('public entry points', () => {
  it('pins the names exported from engagement-contract-kit', () => {
    expect(Object.keys(main).sort()).toMatchInlineSnapshot(`
      [
        "ACCESS_DENIED_REASONS",
        "CONTRACT_FILES",
        "ContractValidationError",
        "DEFAULT_REVISION",
        "DOCUMENT_KINDS",
        "ERROR_INFO",
        "ERROR_NAMES",
        "INTEGER_CONSTRAINTS",
        "INVITATION_STATUSES",
        "KEYWORD_CODES",
        "KNOWN_CATALOGS",
        "LIST_CONSTRAINTS",
        "LIST_ERROR_NAMES",
        "LIST_TASKS_SORT_NAMES",
        "OPERATIONS",
        "REASON_CODES",
        "REASON_CODE_INFO",
        "REVISIONS",
        "REVISION_ALIASES",
        "REVISION_IDS",
        "SDK_PACKAGE",
        "SERVICE",
        "SORT_ORDERS",
        "START_OPERATION",
        "STRING_CONSTRAINTS",
        "TASK_STATUSES",
        "ToolkitError",
        "UsageError",
        "VALIDATION_EXCEPTION_ERROR_CODES",
        "VALIDATION_EXCEPTION_REASONS",
        "assertValidRequest",
        "assertValidResponse",
        "canonicalErrorBody",
        "checkDrift",
        "compareSurfaces",
        "contractPath",
        "createAjv",
        "findErrorName",
        "formatFieldName",
        "isErrorName",
        "loadContract",
        "modelSurface",
        "resolveRevision",
        "sanitizeErrorName",
        "sdkSurface",
        "targetOf",
        "toErrorList",
        "validateContract",
        "validateDocument",
        "validateErrorBody",
        "validateListRequest",
        "validateListResponse",
        "validateRequest",
        "validateResponse",
      ]
    `)
  })

  it('pins the names exported from engagement-contract-kit/generators', () => {
    expect(Object.keys(generators).sort()).toMatchInlineSnapshot(`
      [
        "SAMPLE_FIELDS",
        "SAMPLE_KINDS",
        "applyViolations",
        "catalog",
        "clientToken",
        "engagementInvitationId",
        "errorResponse",
        "generateSamples",
        "identifier",
        "invalidRequest",
        "invalidValue",
        "invitationArn",
        "opportunityId",
        "reasonCode",
        "resourceSnapshotJobId",
        "responseEngagementInvitationId",
        "rulesFor",
        "sampleArbitrary",
        "sizedString",
        "startTime",
        "tagKey",
        "tagValue",
        "tags",
        "taskArn",
        "taskId",
        "taskStatus",
        "validRequest",
        "validResponse",
      ]
    `)
  })

  it('pins the names exported from engagement-contract-kit/mock', () => {
    expect(Object.keys(mock).sort()).toMatchInlineSnapshot(`
      [
        "MAX_BODY_BYTES",
        "checkSignature",
        "createHandlers",
        "createRequestHandler",
        "createSimulator",
        "defaultInvitations",
        "invitationArnOf",
        "parseBehaviourScript",
        "redactHeaders",
        "startMockServer",
      ]
    `)
  })

  it('pins the names exported from engagement-contract-kit/harness', () => {
    expect(Object.keys(harness).sort()).toMatchInlineSnapshot(`
      [
        "BUNDLED_CLIENTS",
        "CAREFUL_SDK_CONFIG",
        "CLIENT_ERROR_NAMES",
        "DUMMY_CREDENTIALS",
        "MAX_ATTEMPTS",
        "REPORTERS",
        "RULEBOOK",
        "RULES",
        "RULE_IDS",
        "commandConformanceClient",
        "createAwsSdkClient",
        "executeCall",
        "isReporterName",
        "judgeRun",
        "loadClientModule",
        "moduleConformanceClient",
        "parseClientOutput",
        "protocolEnvironment",
        "renderReport",
        "reportSdkError",
        "ruleInfo",
        "rulesFedBy",
        "runCommandClient",
        "runConformance",
        "runModuleClient",
        "runScenario",
        "scenarioCatalog",
        "selectScenarios",
        "startConformanceServer",
        "summarize",
        "withRules",
      ]
    `)
  })

  it('pins the names exported from engagement-contract-kit/fuzz', () => {
    expect(Object.keys(fuzzEntry).sort()).toMatchInlineSnapshot(`
      [
        "FAULT_KINDS",
        "FUZZ_REPORTERS",
        "checkFuzzRun",
        "failsFuzzRun",
        "faultKindOf",
        "faultStep",
        "fuzzCase",
        "fuzzInvalidInput",
        "fuzzValidInput",
        "isFuzzReporterName",
        "parseReplay",
        "readCorpus",
        "renderFuzzConsole",
        "renderFuzzJunit",
        "renderFuzzReport",
        "runFuzz",
        "runModelFuzz",
        "saveCorpusCase",
        "scenarioOfCase",
      ]
    `)
  })

  it('pins the names exported from engagement-contract-kit/pact', () => {
    expect(Object.keys(pactEntry).sort()).toMatchInlineSnapshot(`
      [
        "PACT_INVITATION",
        "PACT_PROVIDER",
        "PACT_STATE_NAMES",
        "PROVIDER_STATES",
        "brokerAccess",
        "buildIdentity",
        "contentTypeMatcher",
        "pactBinary",
        "pactInteractions",
        "pactPattern",
        "publishPacts",
        "redactSecrets",
        "requestBody",
        "responseBody",
        "runPactCli",
        "verificationHeaders",
        "verifyPacts",
        "writePact",
      ]
    `)
  })

  it('pins the names exported from engagement-contract-kit/vitest', () => {
    expect(Object.keys(vitestEntry).sort()).toMatchInlineSnapshot(`
      [
        "describeConformance",
        "explainScenarioFailure",
      ]
    `)
  })

  it('resolves every entry point of the exports map', () => {
    const require = createRequire(import.meta.url)
    for (const entry of [
      'engagement-contract-kit',
      'engagement-contract-kit/generators',
      'engagement-contract-kit/mock',
      'engagement-contract-kit/harness',
      'engagement-contract-kit/fuzz',
      'engagement-contract-kit/pact',
    ]) {
      expect(require.resolve(entry)).toMatch(/dist\/.*index\.js$/)
    }
    expect(require.resolve('engagement-contract-kit/vitest')).toMatch(/dist\/src\/vitest\.js$/)
  })

  it('resolves ./generators through the exports map', () => {
    const require = createRequire(import.meta.url)
    expect(require.resolve('engagement-contract-kit/generators')).toMatch(
      /dist\/generators\/index\.js$/,
    )
  })

  it('resolves ./contracts/* through the exports map', () => {
    const require = createRequire(import.meta.url)
    const path = require.resolve(
      'engagement-contract-kit/contracts/2025-12/start-engagement-by-accepting-invitation-task.request.schema.json',
    )
    expect(path).toMatch(
      /contracts\/2025-12\/start-engagement-by-accepting-invitation-task\.request\.schema\.json$/,
    )
  })
})
