/**
 * Errors: an error answer is reported as an error, by the name every official SDK reads; names in a
 * form the protocol allows but the service is not known to send are a protocol gap (should); an
 * invalid input is refused or surfaces the service's answer, never a success.
 */
import type { Step } from '../../mock/behaviour-script.js'
import type { ErrorEncoding } from '../../model/error-encodings.js'

/**
 * Encodings every official SDK reads alike (the matrix, docs/sdk-matrix.md): `__type` without a URI
 * suffix (Java 2.40 keeps `:uri` in a `__type`), alone or with a header that agrees.
 */
const UNIVERSAL_ENCODINGS = new Set<ErrorEncoding>([
  'type-and-header',
  'type-full',
  'type-bare',
  'type-other-namespace',
  'type-nested',
])
import { describeOutcome } from '../call-run.js'
import { fail, pass, type Rule, type ScenarioShape } from '../rule.js'

/**
 * How a scripted error step names its error: `universal` (the body's `__type`, alone or agreeing with
 * the header), `gap` (header only, `code` only, or a body and header that disagree), `none`.
 * @param step A step.
 * @returns The form.
 */
function stepNameForm(step: Step): 'universal' | 'gap' | 'none' {
  if (step.kind !== 'error') return 'none'
  const members = step.members ?? {}
  if ('__type' in members || 'code' in members) return 'gap'
  return UNIVERSAL_ENCODINGS.has(step.encoding ?? 'type-and-header') ? 'universal' : 'gap'
}

const lastStep = (shape: ScenarioShape): Step | undefined => shape.steps[shape.steps.length - 1]

/** Rule `error-name` (must). */
export const ERROR_NAME_RULE: Rule = {
  id: 'error-name',
  severity: 'must',
  title:
    "when the last answer is an error, the client reports an error, named as the body's __type names it (the form every official SDK reads)",
  feeds: (shape) =>
    ((shape.expect.kind === 'error' || shape.expect.kind === 'gives-up') &&
      lastStep(shape) !== undefined &&
      stepNameForm(lastStep(shape) as Step) !== 'gap') ||
    // A skewed clock: a client that does not correct it reports the refusal by its name.
    lastStep(shape)?.kind === 'skew',
  judge(run, facts) {
    const { last } = facts
    if (
      last === undefined ||
      !last.surely ||
      (last.answer !== 'final' && last.answer !== 'retryable')
    )
      return undefined
    if (run.outcome.kind === 'crash' || run.outcome.kind === 'hang') return undefined
    const named = last.nameForm === 'universal' ? last.names[0] : undefined
    const wanted = `an error${named === undefined ? '' : ` named ${named}`}`
    if (run.outcome.kind !== 'error')
      return fail(
        'error-name',
        `reported ${describeOutcome(run.outcome)} although attempt ${last.number} was answered ${last.said}`,
        wanted,
      )
    // A name in a protocol-gap form is judged by the protocol-gap rule.
    if (named !== undefined && run.outcome.name !== named)
      return fail('error-name', `reported ${describeOutcome(run.outcome)} for ${last.said}`, wanted)
    return pass('error-name', `reported ${describeOutcome(run.outcome)}`)
  },
}

/** Rule `protocol-gap` (should). */
export const PROTOCOL_GAP_RULE: Rule = {
  id: 'protocol-gap',
  severity: 'should',
  title:
    "errors named only in X-Amzn-Errortype or in the body's code, or with body and header disagreeing (forms the protocol allows, not known from the service), are read like the others: reported by a name they carry, retried only for a throttling name",
  feeds: (shape) => shape.steps.some((step) => stepNameForm(step) === 'gap'),
  judge(run, facts) {
    const gaps = facts.attempts.filter((attempt) => attempt.surely && attempt.nameForm === 'gap')
    if (gaps.length === 0) return undefined
    for (const attempt of gaps) {
      const isLast = attempt === facts.last
      // As for stops-on-final: a client that corrects its clock from the answer's Date may retry once.
      if (!isLast && attempt.answer === 'final' && !attempt.correctable)
        return fail(
          'protocol-gap',
          `retried after attempt ${attempt.number} got ${attempt.said}, which is final`,
          'no retry of a non-throttling error',
        )
      if (
        isLast &&
        attempt.answer === 'retryable' &&
        attempt.number === 1 &&
        run.outcome.kind === 'error'
      )
        return fail(
          'protocol-gap',
          `did not retry ${attempt.said}, a throttling name`,
          'a retry with the same ClientToken',
        )
      if (isLast && run.outcome.kind === 'error' && !attempt.names.includes(run.outcome.name))
        return fail(
          'protocol-gap',
          `reported ${describeOutcome(run.outcome)} for ${attempt.said}`,
          `an error named ${attempt.names.join(' or ')}`,
        )
    }
    return pass('protocol-gap', `read ${gaps.map((attempt) => attempt.said).join(', ')} by name`)
  },
}

/** Names a client may report when it refuses an invalid input itself. */
const REFUSAL_NAMES = new Set(['ClientValidationError', 'ValidationException'])

/** Rule `invalid-input` (must). */
export const INVALID_INPUT_RULE: Rule = {
  id: 'invalid-input',
  severity: 'must',
  title:
    "an invalid input is refused by the client (nothing sent, ClientValidationError) or surfaces the service's answer (ValidationException, or SerializationException for a body over 1 MiB); never a success",
  feeds: (shape) => shape.expect.kind === 'refused',
  judge(run, facts) {
    if (run.inputValid || run.outcome.kind === 'crash' || run.outcome.kind === 'hang')
      return undefined
    const wanted =
      'error ClientValidationError with nothing sent, or the error the service answered'
    if (run.outcome.kind === 'result')
      return fail(
        'invalid-input',
        `reported ${describeOutcome(run.outcome)} for an invalid input${facts.attempts.length > 0 ? ` after sending ${facts.attempts.length} request(s)` : ''}`,
        wanted,
      )
    if (facts.attempts.length === 0 && !REFUSAL_NAMES.has(run.outcome.name))
      return fail(
        'invalid-input',
        `sent nothing and reported ${describeOutcome(run.outcome)}`,
        wanted,
      )
    return pass(
      'invalid-input',
      facts.attempts.length === 0
        ? `refused the input itself (${run.outcome.name})`
        : `surfaced ${describeOutcome(run.outcome)}`,
    )
  },
}
