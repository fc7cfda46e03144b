/**
 * Writes the pact a client really satisfies: each interaction is played on the Pact mock server, the
 * client under test makes the call, and an interaction is kept only when the client reported what the
 * provider answered. The result is normalised (sorted, stable JSON) so that it can be committed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PactV4 } from '@pact-foundation/pact'
import type { ConformanceClient } from '../judge/conformance-client.js'
import { describeOutcome } from '../judge/call-run.js'
import { stableJson } from '../internal/stable-json.js'
import { targetOf, START_OPERATION } from '../model/operation.js'
import { contentTypeMatcher, requestBody, responseBody } from './pact-matchers.js'
import { PACT_PROVIDER, pactInteractions, type PactInteraction } from './pact-interactions.js'

/** Options of {@link writePact}. */
export interface WritePactOptions {
  /** The consumer's name in the pact (your application). */
  readonly consumer: string
  /** @defaultValue '2025-12' */
  readonly revision?: string
  /** Per call. @defaultValue 10000 */
  readonly deadlineMs?: number
  /** Only these interactions (by description). @defaultValue all */
  readonly only?: (interaction: PactInteraction) => boolean
}

/** The pact and what the client did not satisfy. */
export interface WritePactResult {
  /** The pact file's text (stable JSON). */
  readonly pact: string
  /** The file name Pact gives it: `<consumer>-<provider>.json`. */
  readonly fileName: string
  readonly kept: readonly string[]
  /** Interactions left out, with what the client reported instead. */
  readonly left: readonly { readonly description: string; readonly reason: string }[]
}

function satisfied(
  interaction: PactInteraction,
  outcome: Awaited<ReturnType<ConformanceClient['call']>>['outcome'],
): string | undefined {
  const { answer } = interaction
  if (answer.kind === 'task') {
    if (outcome.kind !== 'result' || outcome.result.TaskStatus !== answer.taskStatus)
      return `expected TaskStatus ${answer.taskStatus}, the client reported ${describeOutcome(outcome)}`
    if (answer.reasonCode !== undefined && outcome.result.ReasonCode !== answer.reasonCode)
      return `expected ReasonCode ${answer.reasonCode}, the client reported ${describeOutcome(outcome)}`
    return undefined
  }
  return outcome.kind === 'error' && outcome.name === answer.name
    ? undefined
    : `expected error ${answer.name}, the client reported ${describeOutcome(outcome)}`
}

// Pact keeps run-specific details out of the pact except this block; its versions are pinned, so the
// pact stays byte-for-byte the same from run to run.
function normalise(text: string): string {
  const pact = JSON.parse(text) as { interactions: { description: string }[] }
  // Code-unit order, the same in every locale.
  pact.interactions.sort((a, b) =>
    a.description < b.description ? -1 : a.description > b.description ? 1 : 0,
  )
  return stableJson(pact)
}

/** How long the mock server gets to note a matched request before it is verified. */
const MATCH_NOTED_MS = 20
/** Tries of an interaction whose request the mock server missed while the client answered right. */
const MOCK_SERVER_TRIES = 3

async function playInteraction(
  client: ConformanceClient,
  interaction: PactInteraction,
  dir: string,
  options: WritePactOptions,
): Promise<{ kept: true } | { kept: false; clientReason?: string; message: string }> {
  const pact = new PactV4({
    consumer: options.consumer,
    provider: PACT_PROVIDER,
    dir,
    logLevel: 'error',
  })
  let builder = pact.addInteraction()
  for (const state of interaction.states) builder = builder.given(state.name, state.params)
  let reason: string | undefined
  try {
    await builder
      .uponReceiving(interaction.description)
      .withRequest('POST', '/', (request) => {
        request.jsonBody(requestBody(interaction.input)).headers({
          'Content-Type': contentTypeMatcher(),
          'X-Amz-Target': targetOf(START_OPERATION),
        })
      })
      .willRespondWith(
        interaction.answer.kind === 'task' ? 200 : interaction.answer.status,
        (response) => {
          response
            .jsonBody(responseBody(interaction.answer))
            .headers({ 'Content-Type': contentTypeMatcher() })
        },
      )
      .executeTest(async (server) => {
        const result = await client.call(interaction.input, {
          baseUrl: server.url,
          scenarioId: interaction.description,
          deadlineMs: options.deadlineMs ?? 10_000,
        })
        reason = satisfied(interaction, result.outcome)
        if (reason !== undefined) throw new Error(reason)
        // The Rust mock server answers before it notes the match; verified at once on a loaded
        // machine, it can report the request as not received (pact-reference#535, pact-js#1835).
        await new Promise((resolve) => setTimeout(resolve, MATCH_NOTED_MS))
      })
    return { kept: true }
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error))
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 400)
    return reason === undefined
      ? { kept: false, message }
      : { kept: false, clientReason: reason, message }
  }
}

/**
 * Plays every interaction against a client and writes the pact it satisfies.
 * @param client The client under test (its calls go to the Pact mock server).
 * @param options Consumer name, revision, deadline, selection.
 * @returns The pact text, and the interactions kept and left out.
 */
export async function writePact(
  client: ConformanceClient,
  options: WritePactOptions,
): Promise<WritePactResult> {
  const dir = mkdtempSync(join(tmpdir(), 'eck-pact-'))
  const kept: string[] = []
  const left: { description: string; reason: string }[] = []
  try {
    const interactions = pactInteractions(options.revision).filter(
      (interaction) => options.only?.(interaction) ?? true,
    )
    for (const interaction of interactions) {
      // Another try only when the client answered right but the mock server missed the request: the
      // Pact mock server occasionally loses one on a loaded machine; a client fault is never retried.
      for (let attempt = 1; attempt <= MOCK_SERVER_TRIES; attempt++) {
        const outcome = await playInteraction(client, interaction, dir, options)
        if (outcome.kept) {
          kept.push(interaction.description)
          break
        }
        if (
          outcome.clientReason !== undefined ||
          attempt === MOCK_SERVER_TRIES ||
          !/expected but not received/.test(outcome.message)
        ) {
          left.push({
            description: interaction.description,
            reason: outcome.clientReason ?? outcome.message,
          })
          break
        }
      }
    }
    const fileName = `${options.consumer}-${PACT_PROVIDER}.json`
    const text = kept.length === 0 ? '' : normalise(readFileSync(join(dir, fileName), 'utf8'))
    return { pact: text, fileName, kept, left }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
