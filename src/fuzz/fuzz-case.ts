/**
 * One fuzz case: an input (valid, or breaking a rule) and the server's behaviour for each attempt of
 * the call. Cases are JSON, so failing ones are saved to a corpus and replayed as they were.
 */
import fc from 'fast-check'
import { applyViolations } from '../../generators/invalid-request.js'
import { invalidValueOf } from '../../generators/invalid-value.js'
import { validRequest } from '../../generators/valid-request.js'
import { clientInvalidRules, survivesTheWire } from '../judge/client-invalid-rules.js'
import type { CallSpec } from '../judge/execute-call.js'
import type { Step } from '../mock/behaviour-script.js'
import { defaultInvitations, invitationArnOf } from '../mock/invitations.js'
import type { Revision } from '../model/revisions.js'
import { faultStep, type FaultStepConstraints } from './fault-step.js'

/** A fuzz case. */
export interface FuzzCase {
  /** The call's input as the client receives it. */
  readonly input: Readonly<Record<string, unknown>>
  /** For an invalid input: the rule it breaks (`Member/rule`). */
  readonly invalidRule?: string
  /** The server's behaviour for attempts 1, 2, … */
  readonly steps: readonly Step[]
  /** Every later attempt: a persistent fault, or (when absent) normal processing. */
  readonly then?: Step
  /** The server's clock runs this far ahead of the client's (negative: behind) for the whole call. */
  readonly clockSkewMs?: number
}

/** Constraints of {@link fuzzCase}. */
export interface FuzzCaseConstraints extends FaultStepConstraints {
  /** The most scripted attempts. @defaultValue 4 */
  readonly maxSteps?: number
  /** Share of invalid inputs, 0..1. @defaultValue 0.15 */
  readonly invalidShare?: number
  /** Draw no faults (inputs only): every attempt is processed normally. @defaultValue false */
  readonly noFaults?: boolean
}

/**
 * Where a fuzz input points: mostly the documented invitations (by id or ARN, in their catalog), so that
 * calls reach the task lifecycle; sometimes an id the simulator does not know.
 */
function target(): fc.Arbitrary<{ Catalog: string; Identifier: string }> {
  const known = defaultInvitations().flatMap((invitation) => [
    { Catalog: invitation.catalog, Identifier: invitation.id },
    { Catalog: invitation.catalog, Identifier: invitationArnOf(invitation) },
  ])
  return fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constant({ Catalog: 'Sandbox', Identifier: 'engi-unknown000001' }) },
  )
}

/**
 * Valid inputs for the fuzzer: a documented invitation, a random ClientToken (or none) and random Tags.
 * @param revision The revision.
 * @returns The arbitrary.
 */
export function fuzzValidInput(revision: Revision): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(validRequest({ revision: revision.id }), target(), fc.nat(9))
    .map(([request, where, dice]) => {
      const input: Record<string, unknown> = { ...request, ...where }
      if (dice === 0) delete input.ClientToken
      return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
    })
}

/**
 * Invalid inputs that every client must refuse or surface as ValidationException.
 * @param revision The revision.
 * @returns The arbitrary, each with the rule it breaks.
 */
export function fuzzInvalidInput(
  revision: Revision,
): fc.Arbitrary<{ input: Record<string, unknown>; rule: string }> {
  const rules = clientInvalidRules(revision)
  return fc
    .tuple(fuzzValidInput(revision), fc.constantFrom(...rules))
    .chain(([valid, rule]) =>
      invalidValueOf(rule, revision).map((violation) => ({
        input: applyViolations(valid, [violation]),
        rule: `${rule.member}/${rule.rule}`,
      })),
    )
    .filter((candidate): candidate is { input: Record<string, unknown>; rule: string } =>
      survivesTheWire(candidate.input, revision),
    )
}

/**
 * Fuzz cases: a valid input with a random schedule of faults, or an invalid input.
 * @param revision The revision.
 * @param constraints Schedule length, share of invalid inputs, slow-fault weights.
 * @returns The arbitrary.
 */
export function fuzzCase(
  revision: Revision,
  constraints: FuzzCaseConstraints = {},
): fc.Arbitrary<FuzzCase> {
  const steps =
    constraints.noFaults === true
      ? fc.constant<Step[]>([])
      : fc.array(faultStep(revision, constraints), { maxLength: constraints.maxSteps ?? 4 })
  const share = Math.round((constraints.invalidShare ?? 0.15) * 100)
  // One case in ten keeps failing after its steps (throttling, a 503, resets): bounded retries are tested too.
  const persistent = fc.constantFrom<Step>(
    { kind: 'error', name: 'ThrottlingException', status: 429 },
    { kind: 'http', status: 503, body: 'html' },
    { kind: 'error', name: 'InternalServerException', status: 500 },
    { kind: 'reset-before' },
  )
  const then =
    constraints.noFaults === true
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: 9, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: persistent },
        )
  // One case in twenty runs against a server clock 20 minutes ahead or behind ("Signature expired").
  const skew =
    constraints.noFaults === true
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: 19, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(20 * 60_000, -20 * 60_000) },
        )
  const valid = fc.record({ input: fuzzValidInput(revision), steps, then, skew }).map(
    ({ input, steps: drawn, then: tail, skew: clockSkewMs }): FuzzCase => ({
      input,
      steps: drawn,
      ...(tail === undefined ? {} : { then: tail }),
      ...(clockSkewMs === undefined ? {} : { clockSkewMs }),
    }),
  )
  const invalid = fuzzInvalidInput(revision).map(
    ({ input, rule }): FuzzCase => ({ input, invalidRule: rule, steps: [] }),
  )
  return share <= 0
    ? valid
    : fc.oneof({ weight: 100 - share, arbitrary: valid }, { weight: share, arbitrary: invalid })
}

/**
 * A fuzz case as a harness scenario (so that it runs through the same machinery as `eck check`).
 * @param fuzz The case.
 * @param id The scenario id.
 * @returns The call to make.
 */
export function scenarioOfCase(fuzz: FuzzCase, id: string): CallSpec {
  return {
    id,
    input: fuzz.input,
    inputValid: fuzz.invalidRule === undefined,
    ...(fuzz.clockSkewMs === undefined ? {} : { clockSkewMs: fuzz.clockSkewMs }),
    script: {
      operations: {
        StartEngagementByAcceptingInvitationTask: {
          steps: fuzz.steps,
          ...(fuzz.then === undefined ? {} : { then: fuzz.then }),
        },
      },
    },
  }
}
