/**
 * Renders a fuzz report: a console summary (coverage, each failure shrunk with its journal and the
 * command that replays it), JSON, or JUnit.
 */
import { stableJson } from '../internal/stable-json.js'
import { escapeAttribute, escapeText } from '../internal/escape-xml.js'
import { describeJournalEntry, describeOutcome, previewJson } from '../judge/call-run.js'
import { RULE_IDS, ruleInfo } from '../judge/rulebook.js'
import type { FuzzFailure, FuzzReport } from './fuzz-report.js'

/** The fuzz report formats. */
export const FUZZ_REPORTERS = ['console', 'json', 'junit'] as const

/** A fuzz report format. */
export type FuzzReporterName = (typeof FUZZ_REPORTERS)[number]

/**
 * Whether a string names a fuzz report format.
 * @param value Any value.
 * @returns True for console, json or junit.
 */
export function isFuzzReporterName(value: unknown): value is FuzzReporterName {
  return typeof value === 'string' && (FUZZ_REPORTERS as readonly string[]).includes(value)
}

function tally(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts)
  return entries.length === 0
    ? '(none)'
    : entries.map(([key, count]) => `${key} ${count}`).join(', ')
}

/** The statement of a rule, or of the model-based runs' own check. */
function invariantTitle(id: string): string {
  return id === 'task-model'
    ? 'a sequence of calls leaves the tasks that a model of idempotency predicts (model-based runs)'
    : ruleInfo(id).title
}

function describeFailure(failure: FuzzFailure, index: number): string[] {
  const lines = [
    `failure ${index + 1} (${failure.flaky === true ? 'FLAKY: did not come back on its re-run, ' : ''}${failure.source}${failure.runsToFind === undefined ? '' : `, found after ${failure.runsToFind} runs`}${failure.shrinks === undefined ? '' : `, shrunk ${failure.shrinks} times`}):`,
  ]
  for (const violation of failure.violations)
    lines.push(
      `  ${violation.invariant} (${violation.severity}: ${invariantTitle(violation.invariant)}): ${violation.message}`,
    )
  if (failure.case !== undefined) {
    lines.push(
      `  input: ${previewJson(failure.case.input)}${failure.case.invalidRule === undefined ? '' : ` (breaks ${failure.case.invalidRule})`}`,
    )
    lines.push(
      `  server, per attempt: ${failure.case.steps.length === 0 ? '(processed normally)' : failure.case.steps.map((step) => previewJson(step)).join(', ')}${failure.case.then === undefined ? '' : `, then ${previewJson(failure.case.then)} for ever`}`,
    )
  }
  if (failure.commands !== undefined)
    lines.push('  calls:', ...failure.commands.split('\n').map((line) => `    ${line}`))
  if (failure.outcome !== undefined)
    lines.push(`  the client reported: ${describeOutcome(failure.outcome)}`)
  lines.push(
    '  journal:',
    ...(failure.journal.length === 0
      ? ['    (no request)']
      : failure.journal.map((entry) => `    ${describeJournalEntry(entry)}`)),
  )
  if (failure.rerun !== undefined)
    lines.push(
      `  the re-run reported: ${describeOutcome(failure.rerun.outcome)}`,
      '  re-run journal:',
      ...(failure.rerun.journal.length === 0
        ? ['    (no request)']
        : failure.rerun.journal.map((entry) => `    ${describeJournalEntry(entry)}`)),
    )
  if (failure.replay !== undefined) lines.push(`  replay: eck fuzz … --replay=${failure.replay}`)
  if (failure.savedTo !== undefined) lines.push(`  saved: ${failure.savedTo}`)
  return lines
}

/**
 * The console summary.
 * @param report The report.
 * @returns Plain text (no colours).
 */
export function renderFuzzConsole(report: FuzzReport): string {
  const lines = [
    `eck fuzz — client ${report.client}, revision ${report.revision}, seed ${report.seed}, shard ${report.shard.index}/${report.shard.count}, ${report.workers} worker(s)`,
    '',
    `runs: ${report.runs} asked, ${report.judged} made; ${report.calls} client calls (shrinking, corpus and model runs included); ${report.modelRuns} model-based sequence(s)${report.interrupted ? '; stopped early by the time limit' : ''}`,
    `covered fault kinds: ${tally(report.coverage.faultKinds)}`,
    `covered errors: ${tally(report.coverage.errors)}`,
    `covered ReasonCodes: ${tally(report.coverage.reasonCodes)}`,
    `covered invalid rules: ${tally(report.coverage.invalidRules)}`,
    `outcomes: ${tally(report.coverage.outcomes)}`,
  ]
  if (report.corpus !== undefined)
    lines.push(
      `corpus ${report.corpus.directory}: ${report.corpus.rerun} re-run, ${report.corpus.stillFailing} still failing, ${report.corpus.saved} saved`,
    )
  for (const warning of report.warnings)
    lines.push(
      '',
      `warning (should, not a failure unless --strict): ${warning.rule} (${invariantTitle(warning.rule)}) broken in ${warning.runs} run(s)${warning.firstRun === undefined ? '' : `, first in run ${warning.firstRun}`}, e.g. ${warning.example}`,
    )
  report.failures.forEach((failure, index) => lines.push('', ...describeFailure(failure, index)))
  lines.push(
    '',
    `eck fuzz: ${report.verdict === 'pass' ? 'PASS' : report.verdict === 'no-verdict' || report.failures.length === 0 ? 'NO VERDICT' : 'FAIL'} — ${report.failures.length} failure(s)${report.failures.some((failure) => failure.flaky === true) ? ` (${report.failures.filter((failure) => failure.flaky === true).length} flaky)` : ''}, ${report.warnings.length} warning(s) in ${report.judged} run(s) in ${(report.durationMs / 1000).toFixed(1)} s`,
  )
  return `${lines.join('\n')}\n`
}

/**
 * JUnit XML: one test case per invariant (failed with the shrunk case when it broke).
 * @param report The report.
 * @returns The XML document.
 */
export function renderFuzzJunit(report: FuzzReport): string {
  const ids = [...RULE_IDS, 'task-model']
  const cases = ids.map((id) => {
    const broken = report.failures
      .map((failure, index) => ({ failure, index }))
      .filter(({ failure }) => failure.violations.some((violation) => violation.invariant === id))
    const name = `${id}: ${invariantTitle(id)}`
    if (broken.length === 0)
      return `    <testcase classname="eck.fuzz" name="${escapeAttribute(name)}" time="0"/>`
    const message = broken
      .map(
        ({ failure }) =>
          failure.violations.find((violation) => violation.invariant === id)?.message ?? '',
      )
      .join(' | ')
    const body = broken.flatMap(({ failure, index }) => describeFailure(failure, index)).join('\n')
    return `    <testcase classname="eck.fuzz" name="${escapeAttribute(name)}" time="0">\n      <failure message="${escapeAttribute(message)}">${escapeText(body)}</failure>\n    </testcase>`
  })
  const failed = ids.filter((id) =>
    report.failures.some((failure) =>
      failure.violations.some((violation) => violation.invariant === id),
    ),
  ).length
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="eck fuzz" tests="${ids.length}" failures="${failed}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="eck fuzz ${escapeAttribute(report.client)} (seed ${report.seed}, shard ${report.shard.index}/${report.shard.count})" tests="${ids.length}" failures="${failed}" errors="0" skipped="0" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}

/**
 * Renders a fuzz report.
 * @param report The report.
 * @param name The format.
 * @returns The text.
 */
export function renderFuzzReport(report: FuzzReport, name: FuzzReporterName): string {
  switch (name) {
    case 'console':
      return renderFuzzConsole(report)
    case 'json':
      return stableJson(report)
    case 'junit':
      return renderFuzzJunit(report)
  }
}
