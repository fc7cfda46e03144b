import type { JournalEntry } from '../../../src/mock/journal.js'
import {
  summarize,
  type ConformanceReport,
  type ScenarioReport,
} from '../../../src/harness/conformance-report.js'

/** Data a hostile client or server could put in a report: markup, CDATA end, a control character. */
const HOSTILE = `</script><b>&"' ]]> \u0001`

const TARGET = 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask'

function entry(seq: number, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    seq,
    time: `2026-01-02T03:04:0${seq}.123Z`,
    method: 'POST',
    path: '/',
    headers: {
      'x-amz-target': TARGET,
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/partnercentral-selling/aws4_request, Signature=<redacted>',
    },
    body: '{"Catalog":"Sandbox","Identifier":"engi-0123456789abc"}',
    outcome: 'respond',
    status: 200,
    step: 'pass',
    ...overrides,
  }
}

const passed: ScenarioReport = {
  id: 'success.in-progress',
  title: 'A new task IN_PROGRESS',
  tags: ['success'],
  why: 'The usual answer.',
  input: { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' },
  status: 'passed',
  outcome: { kind: 'result', result: { TaskStatus: 'IN_PROGRESS', TaskId: 'task-0123456789abc' } },
  findings: [
    { check: 'wire', passed: true, message: 'Every request was well formed.' },
    {
      check: 'result-from-answer',
      passed: true,
      message: 'The client reported IN_PROGRESS and task-0123456789abc.',
    },
  ],
  journal: [entry(1)],
  durationMs: 120,
}

const failed: ScenarioReport = {
  id: 'error.throttling',
  title: 'Throttled twice, then a success',
  tags: ['retry'],
  why: 'Throttling is retried.',
  input: { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' },
  status: 'failed',
  outcome: { kind: 'error', name: 'ThrottlingException', message: `Rate exceeded ${HOSTILE}` },
  findings: [
    { check: 'wire', passed: true, message: 'Every request was well formed.' },
    {
      check: 'retries-transient',
      passed: false,
      message: `The client reported ${HOSTILE} a|b\nsecond line; expected: a retry.`,
    },
    {
      check: 'retry-after',
      passed: false,
      message:
        'The client waited 0 ms after Retry-After: 1, 100% too early; expected: at least 900 ms.',
    },
  ],
  journal: [
    entry(1, {
      status: 429,
      errorName: 'ThrottlingException',
      step: 'error',
      path: `/?q=${HOSTILE}|x`,
    }),
  ],
  durationMs: 2500,
  stderr: `warn: ${HOSTILE}\nbye`,
}

const skipped: ScenarioReport = {
  id: 'polling.complete',
  title: 'Polled until COMPLETE',
  tags: ['polling'],
  why: 'Only for clients that poll.',
  input: { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' },
  status: 'skipped',
  skipReason: 'needs a client that polls (--polls)',
  findings: [],
  journal: [],
  durationMs: 0,
}

/**
 * A small report: one passed (rules 1 wire and 7 result-from-answer), one failed (must rule 11
 * retries-transient and should rule 19 retry-after, hostile text) and one skipped scenario.
 * @param scenarios Replaces the scenarios (the summary is recomputed).
 * @returns The report.
 */
export function reportFixture(
  scenarios: readonly ScenarioReport[] = [passed, failed, skipped],
): ConformanceReport {
  return {
    tool: { name: 'engagement-contract-kit', version: '0.1.0' },
    client: 'fixture-client',
    revision: '2025-12',
    startedAt: '2026-01-02T03:04:00.000Z',
    durationMs: 3300,
    deadlineMs: 10_000,
    selected: scenarios.length,
    complete: true,
    warnings: [],
    scenarios,
    ...summarize(scenarios),
  }
}

/** The passed scenario, for variants. */
export const PASSED_SCENARIO: ScenarioReport = passed

/** The failed scenario, for variants. */
export const FAILED_SCENARIO: ScenarioReport = failed
