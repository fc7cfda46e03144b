/**
 * Transient failures: throttling as 429 and as a 400 ThrottlingException, 500/502/503/504 with JSON,
 * HTML and empty bodies, connection resets and a lost response; once then success, and persistently.
 */
import type { Step } from '../../mock/behaviour-script.js'
import type { ScenarioDefinition } from '../scenario.js'
import { inputFor, startScript } from './script-of.js'

/**
 * The deadline of scenarios that fail on every attempt: ten attempts of the SDKs' standard backoff fit in
 * it even for throttling (base 1 s, full jitter, cap 20 s: at most 1+2+4+8+16+4x20 = 111 s of waiting).
 */
export const PERSISTENT_DEADLINE_MS = 120_000

interface Fault {
  readonly key: string
  readonly title: string
  readonly step: Step
  readonly persistent: boolean
}

const FAULTS: readonly Fault[] = [
  {
    key: 'throttling-429',
    title: 'ThrottlingException as 429',
    step: { kind: 'error', name: 'ThrottlingException', status: 429 },
    persistent: false,
  },
  {
    key: 'throttling-400',
    title: 'ThrottlingException as 400 (retried by name)',
    step: { kind: 'error', name: 'ThrottlingException', status: 400 },
    persistent: true,
  },
  {
    key: '500-json',
    title: 'InternalServerException 500',
    step: { kind: 'error', name: 'InternalServerException', status: 500 },
    persistent: false,
  },
  {
    key: '500-html',
    title: 'a proxy 500 with an HTML page',
    step: { kind: 'http', status: 500, body: 'html' },
    persistent: false,
  },
  {
    key: '502-html',
    title: 'a proxy 502 with an HTML page',
    step: { kind: 'http', status: 502, body: 'html' },
    persistent: true,
  },
  {
    key: '502-empty',
    title: 'a proxy 502 with an empty body',
    step: { kind: 'http', status: 502, body: 'empty' },
    persistent: false,
  },
  {
    key: '503-html',
    title: 'a proxy 503 with an HTML page',
    step: { kind: 'http', status: 503, body: 'html' },
    persistent: false,
  },
  {
    key: '503-empty',
    title: 'a proxy 503 with an empty body',
    step: { kind: 'http', status: 503, body: 'empty' },
    persistent: true,
  },
  {
    key: '504-html',
    title: 'a gateway 504 with an HTML page',
    step: { kind: 'http', status: 504, body: 'html' },
    persistent: true,
  },
  {
    key: '504-empty',
    title: 'a gateway 504 with an empty body',
    step: { kind: 'http', status: 504, body: 'empty' },
    persistent: false,
  },
  {
    key: 'reset-before',
    title: 'a connection reset before the request is processed',
    step: { kind: 'reset-before' },
    persistent: true,
  },
]

/**
 * The retry scenarios.
 * @returns Each fault once then success (and persistently for some), Retry-After, and the lost response.
 */
export function retryScenarios(): ScenarioDefinition[] {
  const scenarios: ScenarioDefinition[] = []
  for (const fault of FAULTS) {
    const once = `retry.${fault.key}.once`
    scenarios.push({
      id: once,
      title: `${fault.title} once, then success`,
      tags: ['retry', fault.step.kind === 'reset-before' ? 'reset' : 'status'],
      input: inputFor(once),
      script: startScript([fault.step]),
      expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 },
      why: 'The SDK standard retry strategy retries throttling, 500/502/503/504 and resets (service-facts §5).',
    })
    if (!fault.persistent) continue
    const persistent = `retry.${fault.key}.persistent`
    scenarios.push({
      id: persistent,
      title: `${fault.title} on every attempt: retried, stopped within 10 attempts, reported`,
      tags: ['retry', 'persistent', fault.step.kind === 'reset-before' ? 'reset' : 'status'],
      input: inputFor(persistent),
      script: startScript([], fault.step),
      // Ten attempts with the SDKs' standard backoff fit in its deadline.
      deadlineMs: PERSISTENT_DEADLINE_MS,
      expect:
        fault.step.kind === 'error'
          ? { kind: 'gives-up', name: fault.step.name }
          : { kind: 'gives-up' },
      why: 'Retries are bounded: a persistent failure must end as a reported error.',
    })
  }
  scenarios.push(
    {
      id: 'retry.retry-after',
      title: '429 with Retry-After: 1 once, then success; the retry waits about a second',
      tags: ['retry', 'retry-after'],
      input: inputFor('retry.retry-after'),
      script: startScript([
        { kind: 'error', name: 'ThrottlingException', status: 429, retryAfter: '1' },
      ]),
      expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 },
      why: 'Retry-After (seconds or an HTTP date) is honoured by the SDK (service-facts §5).',
    },
    {
      id: 'retry.lost-response',
      title:
        'The task is created but the response is lost (a reset after processing); the retry replays it',
      tags: ['retry', 'reset', 'idempotency'],
      input: inputFor('retry.lost-response'),
      script: startScript([{ kind: 'reset-after' }]),
      expect: { kind: 'result', taskStatus: 'IN_PROGRESS', attempts: 2 },
      why: 'Only the same ClientToken on the retry keeps a lost response from creating a second task.',
    },
    {
      id: 'timeout.never-answers',
      title: 'The server never answers',
      tags: ['timeout'],
      input: inputFor('timeout.never-answers'),
      script: startScript([], { kind: 'hang' }),
      expect: { kind: 'timeout' },
      why: 'The SDK has no request timeout by default: without one, a call hangs for ever (service-facts §5).',
    },
  )
  return scenarios
}
