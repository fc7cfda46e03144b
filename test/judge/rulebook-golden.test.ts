/**
 * The rulebook's every finding on a grid of hand-built runs (what the server answered × what the client
 * reported), pinned in a snapshot: a change to any rule's verdict or text shows up here line by line. It
 * is also what `npm run mutation` kills mutants with.
 */
import { expect, it } from 'vitest'
import type { CallRun } from '../../src/judge/call-run.js'
import type { ClientOutcome } from '../../src/judge/client-outcome.js'
import { judgeRun } from '../../src/judge/rulebook.js'
import type { JournalEntry } from '../../src/mock/journal.js'

const TARGET = 'AWSPartnerCentralSelling.StartEngagementByAcceptingInvitationTask'
const INPUT = { Catalog: 'Sandbox', Identifier: 'engi-0123456789abc', ClientToken: 'tok' }
const T0 = Date.parse('2026-12-03T10:00:00.000Z')
const TASK = { TaskId: 'task-0123456789abc', TaskStatus: 'IN_PROGRESS' }
const COMPLETE = {
  ...TASK,
  TaskStatus: 'COMPLETE',
  OpportunityId: 'O123',
  ResourceSnapshotJobId: 'job-0123456789abc',
}
const FAILED = {
  ...TASK,
  TaskStatus: 'FAILED',
  ReasonCode: 'InvitationValidationFailed',
  Message: 'expired',
}

type Attempt = Partial<JournalEntry> & { readonly json?: unknown }

const ok = (task: unknown = TASK): Attempt => ({ status: 200, json: task })
const named = (status: number, names: JournalEntry['errorNames'], step?: string): Attempt => ({
  status,
  errorName: names?.type ?? names?.header ?? names?.code ?? `HTTP ${status}`,
  errorNames: names ?? {},
  json: {},
  ...(step === undefined ? { step: 'error' } : step === 'front-door' ? {} : { step }),
})
const conflict = named(409, { type: 'ConflictException' })

const SEQUENCES: Readonly<Record<string, readonly Attempt[]>> = {
  'nothing sent': [],
  '200': [ok()],
  '200 COMPLETE': [ok(COMPLETE)],
  '200 FAILED': [ok(FAILED)],
  '200 html': [{ status: 200, step: 'malformed', response: '<html>' }],
  '200 array': [{ status: 200, step: 'malformed', json: [] }],
  '200 text/plain task': [{ ...ok(), step: 'malformed' }],
  '409': [conflict],
  '409 header only': [named(409, { header: 'ConflictException' })],
  '400 code only': [named(400, { code: 'ConflictException' })],
  '409 :uri type': [named(409, { type: 'ConflictException', typeUri: true })],
  '409 namespaced header': [
    named(409, { type: 'ConflictException', header: 'ConflictException', headerNamespace: true }),
  ],
  '409 agreeing pair': [named(409, { type: 'ConflictException', header: 'ConflictException' })],
  '400 body and header disagree': [
    named(400, { type: 'ConflictException', header: 'ResourceNotFoundException' }),
  ],
  '400 throttling header only': [named(400, { header: 'ThrottlingException' })],
  '400 throttling header only twice': [named(400, { header: 'ThrottlingException' }), ok()],
  '409 header only twice': [
    named(409, { header: 'ConflictException' }),
    named(409, { header: 'ConflictException' }),
  ],
  '400 throttling': [named(400, { type: 'ThrottlingException' })],
  '503 html': [{ status: 503, step: 'http', errorName: 'HTTP 503', response: '<html>' }],
  '503 then 200': [{ status: 503, step: 'http', errorName: 'HTTP 503' }, ok()],
  'reset then 200': [{ outcome: 'reset-before', step: 'reset-before' }, ok()],
  'reset only': [{ outcome: 'reset-before', step: 'reset-before' }],
  'lost then 200': [{ outcome: 'reset-after', step: 'reset-after', taskId: TASK.TaskId }, ok()],
  'lost only': [{ outcome: 'reset-after', step: 'reset-after', taskId: TASK.TaskId }],
  hang: [{ outcome: 'hang', step: 'hang' }],
  'hang then 200': [{ outcome: 'hang', step: 'hang' }, ok()],
  'undelivered 200': [{ ...ok(), delivered: false }],
  'undelivered 200 then 200': [{ ...ok(), delivered: false }, ok()],
  '429 Retry-After then 200 at 300 ms': [
    { ...named(429, { type: 'ThrottlingException' }), retryAfter: '1' },
    { ...ok(), time: new Date(T0 + 300).toISOString() },
  ],
  '429 Retry-After then 200 at 1200 ms': [
    { ...named(429, { type: 'ThrottlingException' }), retryAfter: '1' },
    { ...ok(), time: new Date(T0 + 1200).toISOString() },
  ],
  '429 Retry-After HTTP date': [
    {
      ...named(429, { type: 'ThrottlingException' }),
      retryAfter: new Date(T0 + 2000).toUTCString(),
    },
    { ...ok(), time: new Date(T0 + 100).toISOString() },
  ],
  '409 then 409': [conflict, conflict],
  '409 then 409, closed in the race': [{ ...conflict, closedAtMs: T0 + 15 }, conflict],
  '200 then 200': [ok(), ok()],
  '200 then 200, closed in the race': [{ ...ok(), closedAtMs: T0 + 20 }, ok()],
  '11 x 503 in a tight loop': Array.from(
    { length: 11 },
    (_, i): Attempt => ({ status: 503, step: 'http', time: new Date(T0 + i * 5).toISOString() }),
  ),
  '5 x 503 30 ms apart': Array.from(
    { length: 5 },
    (_, i): Attempt => ({ status: 503, step: 'http', time: new Date(T0 + i * 30).toISOString() }),
  ),
  '400 ValidationException': [named(400, { type: 'ValidationException' })],
  '413 SerializationException': [
    { ...named(413, { type: 'SerializationException' }, 'front-door'), rejectedFor: 'request' },
  ],
  'wrong path': [{ ...ok(), path: '/foo' }],
  'wrong target': [{ ...ok(), headers: { 'x-amz-target': 'AWSPartnerCentralSelling.Nope' } }],
  'no target': [{ ...ok(), headers: { 'x-amz-target': '' } }],
  'json content type': [{ ...ok(), headers: { 'content-type': 'application/json' } }],
  'no authorization': [{ ...ok(), headers: { authorization: '' } }],
  'not sigv4': [{ ...ok(), headers: { authorization: 'Basic abc' } }],
  'signed for partnercentral': [
    {
      ...ok(),
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/us-east-1/partnercentral/aws4_request, SignedHeaders=host, Signature=<redacted>',
      },
    },
  ],
  'signed for eu-west-1': [
    {
      ...ok(),
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/eu-west-1/partnercentral-selling/aws4_request, SignedHeaders=host, Signature=<redacted>',
      },
    },
  ],
  'front door rejects the signature': [
    {
      ...named(400, { type: 'InvalidSignatureException' }, 'front-door'),
      rejectedFor: 'signature',
    },
  ],
  'scripted InvalidSignatureException': [named(403, { type: 'InvalidSignatureException' })],
  'front door refuses the credentials': [
    { ...named(400, { type: 'ExpiredTokenException' }, 'front-door'), rejectedFor: 'credentials' },
  ],
  'front door refuses the credentials twice': [
    { ...named(400, { type: 'ExpiredTokenException' }, 'front-door'), rejectedFor: 'credentials' },
    { ...named(400, { type: 'ExpiredTokenException' }, 'front-door'), rejectedFor: 'credentials' },
  ],
  'clock skew refused': [
    {
      ...named(400, { type: 'InvalidSignatureException' }, 'skew'),
      rejectedFor: 'clock',
      clockSkewMs: 1_200_000,
    },
  ],
  'clock skew refused, then corrected': [
    {
      ...named(400, { type: 'InvalidSignatureException' }, 'skew'),
      rejectedFor: 'clock',
      clockSkewMs: 1_200_000,
    },
    { ...ok(), step: 'skew', clockSkewMs: 1_200_000 },
  ],
  'clock skew refused twice': [
    {
      ...named(400, { type: 'InvalidSignatureException' }, 'skew'),
      rejectedFor: 'clock',
      clockSkewMs: 1_200_000,
    },
    {
      ...named(400, { type: 'InvalidSignatureException' }, 'skew'),
      rejectedFor: 'clock',
      clockSkewMs: 1_200_000,
    },
  ],
  'AccessDenied with a skewed Date, then 200': [
    { ...named(400, { type: 'AccessDeniedException' }, 'front-door'), clockSkewMs: 300_000 },
    ok(),
  ],
  '503 ServiceUnavailable from the front door, then 200': [
    named(503, { type: 'ServiceUnavailable' }, 'front-door'),
    ok(),
  ],
  'body not JSON': [{ ...ok(), body: '{' }],
  'no ClientToken': [
    { ...ok(), body: JSON.stringify({ Catalog: 'Sandbox', Identifier: 'engi-0123456789abc' }) },
  ],
  'another ClientToken': [{ ...ok(), body: JSON.stringify({ ...INPUT, ClientToken: 'other' }) }],
  'another Identifier': [
    { ...ok(), body: JSON.stringify({ ...INPUT, Identifier: 'engi-zzzzzzzzzzzzz' }) },
  ],
  'invalid body': [{ ...ok(), body: JSON.stringify({ ...INPUT, Catalog: '' }) }],
  'token changed on retry': [
    { status: 503, step: 'http' },
    { ...ok(), body: JSON.stringify({ ...INPUT, ClientToken: 'new' }) },
  ],
  'body changed on retry': [
    { status: 503, step: 'http' },
    { ...ok(), body: JSON.stringify({ ...INPUT, Tags: [{ Key: 'a', Value: 'b' }] }) },
  ],
  'same body, other key order': [
    { status: 503, step: 'http' },
    {
      ...ok(),
      body: JSON.stringify({
        ClientToken: 'tok',
        Identifier: 'engi-0123456789abc',
        Catalog: 'Sandbox',
      }),
    },
  ],
}

const OUTCOMES: Readonly<Record<string, ClientOutcome>> = {
  'result task': { kind: 'result', result: TASK },
  'result {}': { kind: 'result', result: {} },
  'result other TaskId': { kind: 'result', result: { ...TASK, TaskId: 'task-zzzzzzzzzzzzz' } },
  'result COMPLETE': { kind: 'result', result: COMPLETE },
  'result COMPLETE without ids': { kind: 'result', result: { ...TASK, TaskStatus: 'COMPLETE' } },
  'result FAILED': { kind: 'result', result: FAILED },
  'result FAILED without ReasonCode': { kind: 'result', result: { ...TASK, TaskStatus: 'FAILED' } },
  'error ConflictException': { kind: 'error', name: 'ConflictException', message: 'x' },
  'error ResourceNotFoundException': {
    kind: 'error',
    name: 'ResourceNotFoundException',
    message: '',
  },
  'error 400': { kind: 'error', name: '400', message: '' },
  'error TimeoutError': { kind: 'error', name: 'TimeoutError', message: '' },
  'error ValidationException': { kind: 'error', name: 'ValidationException', message: '' },
  'error ClientValidationError': { kind: 'error', name: 'ClientValidationError', message: '' },
  'error InvalidSignatureException': {
    kind: 'error',
    name: 'InvalidSignatureException',
    message: 'Signature expired',
  },
  'error ExpiredTokenException': { kind: 'error', name: 'ExpiredTokenException', message: '' },
  crash: { kind: 'crash', reason: 'boom' },
  hang: { kind: 'hang', reason: 'no answer within 10000 ms' },
}

function entry(attempt: Attempt, index: number): JournalEntry {
  const { json, headers, ...rest } = attempt
  const time = attempt.time ?? new Date(T0 + index * 100).toISOString()
  const answered = (attempt.outcome ?? 'respond') === 'respond'
  return {
    seq: index + 1,
    time,
    method: 'POST',
    path: '/',
    headers: {
      'x-amz-target': TARGET,
      'content-type': 'application/x-amz-json-1.0',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host;x-amz-date, Signature=<redacted>',
      ...headers,
    },
    body: JSON.stringify(INPUT),
    operation: 'StartEngagementByAcceptingInvitationTask',
    attempt: index + 1,
    outcome: 'respond',
    ...(answered ? { answeredAtMs: Date.parse(time) + 5 } : {}),
    ...(json === undefined ? {} : { response: JSON.stringify(json) }),
    ...rest,
  }
}

function runOf(
  attempts: readonly Attempt[],
  outcome: ClientOutcome,
  extra: Partial<CallRun> = {},
): CallRun {
  return {
    input: INPUT,
    inputValid: true,
    revision: '2025-12',
    outcome,
    journal: attempts.map(entry),
    tasks: attempts.length === 0 ? [] : [{ ...TASK, EngagementInvitationId: 'engi-0123456789abc' }],
    durationMs: 1234,
    deadlineMs: 10_000,
    clientPolls: false,
    ...extra,
  }
}

function lines(run: CallRun): string {
  return judgeRun(run)
    .map((finding) => `${finding.passed ? 'ok  ' : 'FAIL'} ${finding.check}: ${finding.message}`)
    .join('\n')
}

it('judges every answer sequence against every outcome as the snapshot says', () => {
  const grid: Record<string, string> = {}
  for (const [sequence, attempts] of Object.entries(SEQUENCES))
    for (const [outcome, reported] of Object.entries(OUTCOMES))
      grid[`${sequence} → ${outcome}`] = lines(runOf(attempts, reported))
  expect(grid).toMatchSnapshot()
})

it('judges invalid inputs, polling clients, listed tasks and two tasks as the snapshot says', () => {
  const listed: Attempt = {
    operation: 'ListEngagementByAcceptingInvitationTasks',
    status: 200,
    headers: {
      'x-amz-target': 'AWSPartnerCentralSelling.ListEngagementByAcceptingInvitationTasks',
    },
    json: {
      TaskSummaries: [
        {
          ...TASK,
          TaskStatus: 'COMPLETE',
          OpportunityId: 'O1',
          ResourceSnapshotJobId: 'job-0123456789abc',
        },
      ],
    },
  }
  const cases: Record<string, CallRun> = {
    'invalid, nothing sent, ClientValidationError': runOf(
      [],
      OUTCOMES['error ClientValidationError'] as ClientOutcome,
      { inputValid: false },
    ),
    'invalid, nothing sent, ValidationException': runOf(
      [],
      OUTCOMES['error ValidationException'] as ClientOutcome,
      { inputValid: false },
    ),
    'invalid, nothing sent, TimeoutError': runOf(
      [],
      OUTCOMES['error TimeoutError'] as ClientOutcome,
      { inputValid: false },
    ),
    'invalid, nothing sent, result': runOf([], OUTCOMES['result task'] as ClientOutcome, {
      inputValid: false,
    }),
    'invalid, 400 ValidationException, ValidationException': runOf(
      SEQUENCES['400 ValidationException'] ?? [],
      OUTCOMES['error ValidationException'] as ClientOutcome,
      { inputValid: false },
    ),
    'invalid, 400, result': runOf(
      SEQUENCES['400 ValidationException'] ?? [],
      OUTCOMES['result task'] as ClientOutcome,
      { inputValid: false },
    ),
    'invalid, crash': runOf([], OUTCOMES.crash as ClientOutcome, { inputValid: false }),
    'polled to COMPLETE': runOf([ok(), listed], OUTCOMES['result COMPLETE'] as ClientOutcome, {
      clientPolls: true,
      expect: { kind: 'result', taskStatus: 'COMPLETE', attempts: 1, polled: true },
    }),
    'polled, reported IN_PROGRESS': runOf(
      [ok(), listed],
      OUTCOMES['result task'] as ClientOutcome,
      {
        clientPolls: true,
        expect: { kind: 'result', taskStatus: 'COMPLETE', attempts: 1, polled: true },
      },
    ),
    'polling expected, never polled': runOf([ok()], OUTCOMES['result task'] as ClientOutcome, {
      clientPolls: true,
      expect: { kind: 'result', taskStatus: 'COMPLETE', attempts: 1, polled: true },
    }),
    'polling expected, FAILED without the ReasonCode': runOf(
      [ok(), listed],
      OUTCOMES['result FAILED without ReasonCode'] as ClientOutcome,
      {
        clientPolls: true,
        expect: {
          kind: 'result',
          taskStatus: 'FAILED',
          reasonCode: 'X',
          attempts: 1,
          polled: true,
        },
      },
    ),
    'a polling client reports the task as it is now': runOf(
      [ok()],
      OUTCOMES['result COMPLETE'] as ClientOutcome,
      { clientPolls: true, tasks: [{ ...COMPLETE, EngagementInvitationId: 'engi-0123456789abc' }] },
    ),
    'lost, then listed': runOf(
      [{ outcome: 'reset-after', step: 'reset-after' }, listed],
      OUTCOMES['result COMPLETE'] as ClientOutcome,
    ),
    'lost, listed, undelivered list': runOf(
      [
        { outcome: 'reset-after', step: 'reset-after' },
        { ...listed, delivered: false },
      ],
      OUTCOMES['result COMPLETE'] as ClientOutcome,
    ),
    'two tasks': runOf([ok(), ok()], OUTCOMES['result task'] as ClientOutcome, {
      tasks: [
        { TaskId: 'a', EngagementInvitationId: 'e' },
        { TaskId: 'b', EngagementInvitationId: 'e' },
      ],
    }),
    'no task at all': runOf([conflict], OUTCOMES['error ConflictException'] as ClientOutcome, {
      tasks: [],
    }),
  }
  expect(
    Object.fromEntries(Object.entries(cases).map(([name, run]) => [name, lines(run)])),
  ).toMatchSnapshot()
})
