#!/usr/bin/env node
// `npm run sdk-matrix`: builds every official-SDK adapter in examples/sdk/ whose toolchain is on the
// machine (one line for each one skipped), runs `eck check` (both revisions) and `eck fuzz` against each
// in each configuration, and writes docs/sdk-matrix.json and docs/sdk-matrix.md.
// `--ci`: the recommended configuration only, `eck check` on 2025-12 and 100 fuzz runs; fails when an
// SDK fails a must rule that it passed in the committed docs/sdk-matrix.json (a must regression).
// `--protocol=2`: runs each adapter that lists protocol 2 in its adapter.json over the client protocol v2
// (`<command> --protocol 2`, `eck … --protocol 2`) and, instead of writing the matrix, compares its verdicts
// with the committed docs/sdk-matrix.json (protocol v1): exit 0 when every verdict (and, for eck check, every
// failed must rule) is the same, 1 otherwise; other differences are printed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const eck = join(root, 'dist/src/cli/main.js')
const args = process.argv.slice(2)
const ci = args.includes('--ci')
const noBuild = args.includes('--no-build')
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const fuzzRuns = Number(
  args.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? (ci ? 100 : 500),
)
const protocol = Number(
  args.find((arg) => arg.startsWith('--protocol='))?.slice('--protocol='.length) ?? 1,
)
if (protocol !== 1 && protocol !== 2) {
  console.error('sdk-matrix: --protocol must be 1 or 2')
  process.exit(2)
}
const protocolArgs = protocol === 2 ? ' --protocol 2' : ''
const SEED = 20261203
const CONFIGS = ci ? ['recommended'] : ['recommended', 'shipped']
const REVISIONS = ci ? ['2025-12'] : ['2025-12', 'reference']
// Settings of the machine that would change an SDK's behaviour are not the matrix's.
const MACHINE_SETTINGS = new Set([
  'AWS_PROFILE',
  'AWS_SESSION_TOKEN',
  'AWS_MAX_ATTEMPTS',
  'AWS_RETRY_MODE',
  'AWS_NEW_RETRIES_2026',
])
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !MACHINE_SETTINGS.has(name)),
  ),
  NO_COLOR: '1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_REGION: 'us-east-1',
}

/** Why an SDK fails a rule: what it did and where its source says so. Keyed `<adapter id>/<rule>`. */
const WHY = {
  'python-boto3/protocol-gap': {
    did: 'reads the error name only from the body __type; a header-only or code-only error comes out as its HTTP status ("400")',
    source: 'botocore/parsers.py, BaseJSONParser._do_error_parse (boto/botocore)',
  },
  'python-boto3/corrects-clock': {
    did: 'signs with the local clock only: "Signature expired" / "not yet current" is reported as InvalidSignatureException, never retried with a corrected clock',
    source:
      'botocore/auth.py SigV4Auth (datetime.utcnow), no skew handling in botocore/retries (boto/botocore)',
  },
  'python-boto3/retry-after': {
    did: 'ignores Retry-After (only x-amz-retry-after, in ms, is read)',
    source: 'botocore/retries/standard.py (boto/botocore)',
  },
  'python-boto3/patience': {
    did: 'as shipped: read timeout 60 s, retried, so a silent server takes minutes',
    source: 'botocore/config.py defaults (boto/botocore)',
  },
  'java-v2/protocol-gap': {
    did: 'keeps ":uri" in a __type, never reads the body code, and cuts the header at ":" only (a namespaced header stays namespaced); reads the header before the body',
    source:
      'core/protocols/aws-json-protocol/.../JsonErrorCodeParser.java (aws/aws-sdk-java-v2, 2.40.2)',
  },
  'java-v2/patience': {
    did: 'as shipped: no call timeout, 30 s socket timeout, 4 legacy attempts',
    source: 'SdkHttpConfigurationOption / RetryMode.LEGACY defaults (aws/aws-sdk-java-v2)',
  },
  'rust/protocol-gap': {
    did: 'reads the header, then code, then __type: when body and header disagree it takes the header',
    source: 'rust-runtime/inlineable/src/json_errors.rs (smithy-lang/smithy-rs)',
  },
  'rust/retry-after': {
    did: 'as shipped: Retry-After is ignored (only x-amz-retry-after)',
    source: 'aws-runtime/src/retries/classifiers.rs (awslabs/aws-sdk-rust)',
  },
  'rust/patience': {
    did: 'as shipped: only a 3.1 s connect timeout; a silent server hangs the call',
    source: 'aws-config default TimeoutConfig (awslabs/aws-sdk-rust)',
  },
  'js-v3/patience': {
    did: 'as shipped: @smithy/node-http-handler has no request timeout; a silent server hangs the call',
    source: '@smithy/node-http-handler requestTimeout 0 (smithy-lang/smithy-typescript)',
  },
  'java-v2/result-has-task': {
    did: 'as shipped: an empty 200 (or one the SDK cannot read as a task) gives a response with every member null; passed on, that is a task that does not exist',
    source:
      'software.amazon.awssdk.protocols.json unmarshalling of an empty body (aws/aws-sdk-java-v2)',
  },
  'python-boto3/result-has-task': {
    did: 'as shipped: an HTML, truncated or empty 200 parses as {} with no error',
    source: 'botocore/parsers.py, BaseJSONParser._parse_body_as_json (boto/botocore)',
  },
  'rust/result-has-task': {
    did: 'as shipped: an empty 200 deserialises to an output with every member None',
    source: 'aws-sdk-partnercentralselling protocol_serde (awslabs/aws-sdk-rust)',
  },
  'js-v3/result-has-task': {
    did: 'as shipped: an empty 200 or a JSON array becomes {} (the adapter reports it as it is)',
    source: '@smithy/core protocols: empty-body deserialisation (smithy-lang/smithy-typescript)',
  },
}

/** The calibration: what was demoted and why, what SDK defects stay defects, and the fixture that proves a must still catches the class. */
const CALIBRATION = [
  '| finding | kind | evidence | verdict now | the fixture that proves a must still catches the class |',
  '|---|---|---|---|---|',
  '| An error named only in `X-Amzn-Errortype`, only in the body `code`, or with body and header disagreeing | rule demoted: `protocol-gap` (should) | botocore reads only `__type` (`botocore/parsers.py`, `BaseJSONParser._do_error_parse`); Java 2.40.2 never reads `code` (`JsonErrorCodeParser.java`); Go, Java and Rust read the header first (smithy-go `transport/http/protocol/.../error.go`, smithy-rs `json_errors.rs`); the awsJson1_0 spec sets no precedence | either name passes when they disagree; the name stays a must for `__type` alone or with an agreeing header | `serialization-for-invalid` and `swallows-errors` fail `error-name` (must); `test/fixtures/modules/status-mapper.mjs` fails it on every `__type` form |',
  '| A `__type` with a `:uri` suffix, a header with a namespace | rule demoted: `protocol-gap` (should) | Java 2.40.2 keeps `:uri` in `__type` and cuts the header at `:` only (`JsonErrorCodeParser.java`); not known from the service | should | as above |',
  '| A timed-out attempt not tried again | rule demoted: `retries-timeout` (should) | a client with one overall deadline (Go `context`) makes one attempt and is not broken | should; a hang after an answer is `answers` (must) | `no-retries` fails `retries-transient` (must) on 5xx and resets |',
  '| An empty or JSON-array 200 reported as a success `{}` | SDK defect (JS 3.1124.0; boto3 1.44 also for an HTML or truncated 200) | run: the JS adapter as shipped fails `result-has-task` on `malformed.empty-200`, `malformed.not-an-object` | must (`result-has-task`); every recommended configuration checks TaskId and TaskStatus | `passes-empty-result` |',
  '| No request timeout by default: a silent server hangs the call | SDK behaviour (JS, Go, Rust; boto3 60 s read timeout, Java 30 s socket timeout) | run: `timeout.never-answers` as shipped | should (`patience`); the recommended configurations set a per-attempt timeout | `no-timeout` |',
  '| `Retry-After` ignored | SDK behaviour (boto3 1.44 reads only `x-amz-retry-after`; Rust as shipped) | run: `retry.retry-after`; `botocore/retries/standard.py`; smithy-rs `classifiers.rs` | should (`retry-after`) | `ignores-retry-after` |',
  '| A 429 with an HTML body (a proxy) not retried | SDK defect (Rust as shipped: throttling only by error code, by status only 500/502/503/504) | fuzz run (examples/sdk/rust/FINDINGS.md) | must (`retries-transient`); the recommended Rust configuration adds a retry classifier | `no-retries` |',
  '| A signature refused because the clock is 20 minutes off (`front-door.clock.*`) not corrected | rule kept a should: `corrects-clock` | run 2026-12-03: JS 3.1124.0, Java 2.40.2 and Rust 1.84.0 correct the clock from `Date` and succeed; boto3 1.44.8 reports `InvalidSignatureException` | should (one official SDK does not correct); the refusal must still be reported by its name (`error-name`) | `names-by-status` fails `error-name` (must) |',
  '| A final front-door error retried once right after a clock correction | SDK behaviour (JS retries `ExpiredTokenException`/`AccessDeniedException` once after correcting; Go retries `AccessDeniedException` after a skew over 4 min) | run: `eck mock --clock-skew` with an expired key (test/cli/mock.test.ts); Go `aws/retry/clockskew_test.go` | allowed when the answer showed a server clock 4 min or more off; otherwise `stops-on-final` (must) | `retries-expired-token` fails `stops-on-final` and `bounded` |',
  '| A malformed 200 retried as an I/O error | SDK behaviour (Java 2.40.2) | run (examples/sdk/java/FINDINGS.md) | allowed: a malformed 200 is not a final answer | — |',
]

function sh(command, cwd = root, timeoutMs = 30 * 60_000) {
  const run = spawnSync('bash', ['-c', command], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: run.status ?? 1, out: `${run.stdout ?? ''}${run.stderr ?? ''}` }
}

function adapters() {
  const dir = join(root, 'examples/sdk')
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'adapter.json')))
    .map((entry) => ({
      dir: join(dir, entry.name),
      ...JSON.parse(readFileSync(join(dir, entry.name, 'adapter.json'), 'utf8')),
    }))
    .filter((adapter) => only === undefined || only.includes(adapter.id))
    .sort((a, b) => a.id.localeCompare(b.id))
}

function judgeCheck(command, revision, work, concurrency) {
  const file = join(work, `check-${Math.random().toString(36).slice(2)}.json`)
  const started = Date.now()
  sh(
    `node ${JSON.stringify(eck)} check --command ${JSON.stringify(command)}${protocolArgs} --revision ${revision} --concurrency ${concurrency} --quiet --reporter json:${JSON.stringify(file)}`,
  )
  if (!existsSync(file)) return { error: 'eck check wrote no report' }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const rules = {}
  for (const check of report.checks) {
    if (check.failed === 0) continue
    const scenarios = report.scenarios.filter((scenario) =>
      scenario.findings.some((finding) => finding.check === check.id && !finding.passed),
    )
    rules[check.id] = {
      severity: check.severity,
      failed: check.failed,
      scenarios: scenarios.map((scenario) => scenario.id),
      example: scenarios[0]?.findings
        .find((finding) => finding.check === check.id && !finding.passed)
        ?.message.slice(0, 300),
    }
  }
  return {
    verdict: report.verdict,
    passed: report.summary.passed,
    failed: report.summary.failed,
    skipped: report.summary.skipped,
    mustPassed: report.checks
      .filter((check) => check.severity === 'must' && check.failed === 0 && check.passed > 0)
      .map((check) => check.id),
    rules,
    seconds: Math.round((Date.now() - started) / 1000),
  }
}

function judgeFuzz(command, work, concurrency) {
  const file = join(work, `fuzz-${Math.random().toString(36).slice(2)}.json`)
  const started = Date.now()
  sh(
    `node ${JSON.stringify(eck)} fuzz --command ${JSON.stringify(command)}${protocolArgs} --runs ${fuzzRuns} --seed ${SEED} --workers ${concurrency} --quiet --reporter json --output ${JSON.stringify(file)}`,
  )
  if (!existsSync(file)) return { error: 'eck fuzz wrote no report' }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  return {
    verdict: report.verdict,
    runs: report.judged,
    failures: report.failures.map((failure) => ({
      rules: failure.violations.map((violation) => violation.invariant),
      flaky: failure.flaky === true,
      replay: failure.replay,
      example: failure.violations[0]?.message.slice(0, 300),
    })),
    warnings: report.warnings.map((warning) => ({ rule: warning.rule, runs: warning.runs })),
    seconds: Math.round((Date.now() - started) / 1000),
  }
}

if (args.includes('--render')) {
  // Re-renders docs/sdk-matrix.md from the committed JSON (after a change to the explanations).
  const committed = JSON.parse(readFileSync(join(root, 'docs/sdk-matrix.json'), 'utf8'))
  writeFileSync(join(root, 'docs/sdk-matrix.md'), renderMarkdown(committed))
  console.error('sdk-matrix: wrote docs/sdk-matrix.md from docs/sdk-matrix.json')
  process.exit(0)
}

const work = mkdtempSync(join(tmpdir(), 'eck-sdk-matrix-'))
const results = []
for (const adapter of adapters()) {
  const [tool, ...toolArgs] = adapter.toolchain
  const probe = spawnSync(tool, toolArgs, { encoding: 'utf8', env })
  if (probe.error !== undefined || probe.status !== 0) {
    console.error(`sdk-matrix: skip ${adapter.id}: ${tool} is not on this machine`)
    results.push({
      id: adapter.id,
      language: adapter.language,
      sdk: adapter.sdk,
      sdkVersion: adapter.sdkVersion,
      skipped: `${tool} is not on this machine`,
    })
    continue
  }
  if (typeof adapter.status === 'string' && adapter.status.startsWith('blocked')) {
    console.error(`sdk-matrix: skip ${adapter.id}: ${adapter.status.split(';')[0]}`)
    results.push({
      id: adapter.id,
      language: adapter.language,
      sdk: adapter.sdk,
      sdkVersion: adapter.sdkVersion,
      skipped: adapter.status,
    })
    continue
  }
  if (!(adapter.protocols ?? [1]).includes(protocol)) {
    console.error(`sdk-matrix: skip ${adapter.id}: its adapter does not speak protocol ${protocol}`)
    continue
  }
  if (!noBuild) {
    const started = Date.now()
    const build = sh(adapter.build, adapter.dir)
    if (build.code !== 0) {
      console.error(`sdk-matrix: ${adapter.id}: the build failed:\n${build.out.slice(-2000)}`)
      results.push({
        id: adapter.id,
        language: adapter.language,
        sdk: adapter.sdk,
        sdkVersion: adapter.sdkVersion,
        buildFailed: build.out.slice(-2000),
      })
      continue
    }
    console.error(
      `sdk-matrix: ${adapter.id}: built in ${Math.round((Date.now() - started) / 1000)} s`,
    )
  }
  const versions =
    adapter.versionCommand === undefined
      ? ''
      : sh(adapter.versionCommand).out.trim().split('\n').slice(0, 12).join('\n')
  const configs = {}
  for (const config of CONFIGS) {
    const command = `${adapter.command.replace('{config}', config)}${protocolArgs}`
    const checks = {}
    for (const revision of REVISIONS) {
      checks[revision] = judgeCheck(command, revision, work, adapter.concurrency ?? 4)
      console.error(
        `sdk-matrix: ${adapter.id} ${config} eck check ${revision}: ${checks[revision].verdict} (${checks[revision].passed} passed, ${checks[revision].failed} failed; must failures in ${
          Object.entries(checks[revision].rules ?? {})
            .filter(([, rule]) => rule.severity === 'must')
            .map(([id]) => id)
            .join(', ') || 'none'
        }) in ${checks[revision].seconds} s`,
      )
    }
    const fuzz = judgeFuzz(command, work, adapter.concurrency ?? 4)
    console.error(
      `sdk-matrix: ${adapter.id} ${config} eck fuzz ${fuzzRuns} runs: ${fuzz.verdict}${fuzz.failures?.length ? ` (${fuzz.failures.map((failure) => failure.rules.join('+')).join('; ')})` : ''} in ${fuzz.seconds} s`,
    )
    configs[config] = { checks, fuzz }
  }
  results.push({
    id: adapter.id,
    language: adapter.language,
    sdk: adapter.sdk,
    sdkVersion: adapter.sdkVersion,
    versions,
    configs,
  })
}
rmSync(work, { recursive: true, force: true })

const eckVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version
const matrix = {
  tool: `engagement-contract-kit ${eckVersion}`,
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  fuzzRuns,
  seed: SEED,
  sdks: results,
}

if (protocol === 2 && !ci) {
  // Protocol v2 is a transport: the verdicts (pass or fail, and the must rules failed) must be those of
  // protocol v1 in the committed matrix. Should rules and counts that hang on timing (boto3's random
  // backoff against Retry-After, how many runs a failing fuzz made before it stopped) are shown, not counted.
  const committed = JSON.parse(readFileSync(join(root, 'docs/sdk-matrix.json'), 'utf8'))
  const mustRules = (rules) =>
    Object.entries(rules ?? {})
      .filter(([, rule]) => rule.severity === 'must')
      .map(([id]) => id)
      .sort()
      .join(',') || '-'
  const checkVerdict = (check) =>
    check === undefined || check.error !== undefined
      ? String(check?.error)
      : `${check.verdict}; must failed: ${mustRules(check.rules)}`
  const checkDetail = (check) =>
    check === undefined || check.error !== undefined
      ? ''
      : `${check.passed} passed, ${check.failed} failed; rules failed: ${Object.keys(check.rules).sort().join(',') || '-'}`
  // A failing fuzz stops at the first failure a worker finds: which of an SDK's defects that is depends on
  // timing (its --replay reproduces it over either protocol), so the failed rules are detail.
  const fuzzVerdict = (fuzz) =>
    fuzz === undefined || fuzz.error !== undefined ? String(fuzz?.error) : fuzz.verdict
  const fuzzDetail = (fuzz) =>
    fuzz === undefined || fuzz.error !== undefined
      ? ''
      : `${fuzz.runs} runs; failures: ${fuzz.failures.map((failure) => failure.rules.join('+')).join(';') || '-'}; warnings: ${fuzz.warnings.map((warning) => warning.rule).join(',') || '-'}`
  let differences = 0
  for (const sdk of results) {
    const then = committed.sdks.find((candidate) => candidate.id === sdk.id)
    for (const [config, now] of Object.entries(sdk.configs ?? {})) {
      const before = then?.configs?.[config]
      const rows = [
        ...REVISIONS.map((revision) => [
          `eck check ${revision}`,
          [checkVerdict(before?.checks[revision]), checkVerdict(now.checks[revision])],
          [checkDetail(before?.checks[revision]), checkDetail(now.checks[revision])],
          `${before?.checks[revision]?.seconds ?? '?'} s → ${now.checks[revision].seconds} s`,
        ]),
        [
          `eck fuzz ${fuzzRuns}`,
          [fuzzVerdict(before?.fuzz), fuzzVerdict(now.fuzz)],
          [fuzzDetail(before?.fuzz), fuzzDetail(now.fuzz)],
          `${before?.fuzz.seconds ?? '?'} s → ${now.fuzz.seconds} s`,
        ],
      ]
      for (const [what, [v1, v2], [d1, d2], time] of rows) {
        if (v1 !== v2) differences++
        const verdict = v1 === v2 ? `same verdict as v1 (${v2})` : `DIFFERENT: v1 ${v1}; v2 ${v2}`
        const detail = d1 === d2 ? '' : `; detail: v1 ${d1}, v2 ${d2}`
        console.error(`sdk-matrix: ${sdk.id} ${config} ${what}: ${verdict}${detail} (${time})`)
      }
    }
  }
  console.error(
    `sdk-matrix --protocol=2: ${differences === 0 ? 'every verdict is the same as protocol v1 in docs/sdk-matrix.json' : `${differences} verdict(s) differ from protocol v1 in docs/sdk-matrix.json`}`,
  )
  process.exit(differences === 0 ? 0 : 1)
}

if (ci) {
  // A must regression: a rule the committed matrix shows passed by an SDK (recommended, 2025-12) fails now.
  const committed = JSON.parse(readFileSync(join(root, 'docs/sdk-matrix.json'), 'utf8'))
  const regressions = []
  for (const sdk of results) {
    const now = sdk.configs?.recommended?.checks['2025-12']
    const then = committed.sdks.find((candidate) => candidate.id === sdk.id)?.configs?.recommended
      ?.checks['2025-12']
    if (now === undefined || then === undefined) continue
    for (const rule of then.mustPassed ?? []) {
      if (now.rules?.[rule]?.severity === 'must')
        regressions.push(
          `${sdk.id}: must rule ${rule} passed in docs/sdk-matrix.json and fails now (${now.rules[rule].scenarios.slice(0, 5).join(', ')})`,
        )
    }
    const fuzzMust = (sdk.configs?.recommended?.fuzz.failures ?? []).filter(
      (failure) => !failure.flaky,
    )
    if (
      sdk.configs.recommended.fuzz.verdict === 'fail' &&
      fuzzMust.length > 0 &&
      committed.sdks.find((c) => c.id === sdk.id)?.configs?.recommended?.fuzz.verdict === 'pass'
    )
      regressions.push(
        `${sdk.id}: eck fuzz passed in docs/sdk-matrix.json and fails now (${fuzzMust.map((failure) => failure.rules.join('+')).join('; ')})`,
      )
  }
  for (const line of regressions) console.error(`sdk-matrix: REGRESSION ${line}`)
  console.error(
    `sdk-matrix --ci: ${regressions.length === 0 ? 'no must regression' : `${regressions.length} must regression(s)`} against docs/sdk-matrix.json`,
  )
  process.exit(regressions.length === 0 ? 0 : 1)
}

writeFileSync(join(root, 'docs/sdk-matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`)
writeFileSync(join(root, 'docs/sdk-matrix.md'), renderMarkdown(matrix))
console.error('sdk-matrix: wrote docs/sdk-matrix.json and docs/sdk-matrix.md')

function cell(check) {
  if (check === undefined) return '—'
  if (check.error !== undefined) return `error: ${check.error}`
  const must = Object.entries(check.rules)
    .filter(([, rule]) => rule.severity === 'must')
    .map(([id]) => id)
  const should = Object.entries(check.rules)
    .filter(([, rule]) => rule.severity === 'should')
    .map(([id]) => id)
  return `${check.verdict === 'pass' ? 'PASS' : 'FAIL'} ${check.passed}/${check.passed + check.failed}${must.length ? `; must: ${must.join(', ')}` : ''}${should.length ? `; should: ${should.join(', ')}` : ''}`
}

function renderMarkdown(m) {
  const lines = [
    '# The official AWS SDKs under eck: the conformance matrix',
    '',
    `Written by \`npm run sdk-matrix\` on ${m.date} (${m.tool}, Node ${m.node}); \`eck fuzz\` ${m.fuzzRuns} runs, seed ${m.seed}. Each SDK runs through its adapter in \`examples/sdk/<language>/\` (client protocol v1), **as shipped** (the SDK's defaults) and **recommended** (the README's settings). Do not edit: run it again.`,
    '',
    '## Summary',
    '',
    '| SDK | version | config | eck check 2025-12 | eck check reference | eck fuzz |',
    '|---|---|---|---|---|---|',
  ]
  for (const sdk of m.sdks) {
    if (sdk.configs === undefined) {
      lines.push(
        `| ${sdk.language} (\`${sdk.sdk}\`) | ${sdk.sdkVersion} | — | skipped: ${(sdk.skipped ?? 'the build failed').replace(/\|/g, '/').slice(0, 160)} | | |`,
      )
      continue
    }
    for (const [config, result] of Object.entries(sdk.configs)) {
      const fuzz =
        result.fuzz.error ??
        `${result.fuzz.verdict.toUpperCase()} ${result.fuzz.runs} runs${result.fuzz.failures.length ? `; ${result.fuzz.failures.map((failure) => `${failure.rules.join('+')}${failure.flaky ? ' (flaky)' : ''}`).join('; ')}` : ''}${result.fuzz.warnings.length ? `; warnings: ${result.fuzz.warnings.map((warning) => warning.rule).join(', ')}` : ''}`
      lines.push(
        `| ${sdk.language} (\`${sdk.sdk}\`) | ${sdk.sdkVersion} | ${config} | ${cell(result.checks['2025-12'])} | ${cell(result.checks.reference)} | ${fuzz} |`,
      )
    }
  }
  lines.push('', '## Every failed rule, with what the SDK did and why', '')
  lines.push(
    '| SDK | config | rule | severity | scenarios | what the SDK did | source |',
    '|---|---|---|---|---|---|---|',
  )
  for (const sdk of m.sdks) {
    for (const [config, result] of Object.entries(sdk.configs ?? {})) {
      const seen = new Map()
      for (const check of Object.values(result.checks))
        for (const [id, rule] of Object.entries(check.rules ?? {})) {
          const kept = seen.get(id) ?? {
            severity: rule.severity,
            scenarios: new Set(),
            example: rule.example,
          }
          for (const scenario of rule.scenarios) kept.scenarios.add(scenario)
          seen.set(id, kept)
        }
      for (const [id, rule] of seen) {
        const why = WHY[`${sdk.id}/${id}`]
        lines.push(
          `| ${sdk.language} | ${config} | \`${id}\` | ${rule.severity} | ${[...rule.scenarios].slice(0, 8).join(', ')}${rule.scenarios.size > 8 ? ', …' : ''} | ${(why?.did ?? rule.example ?? '').replace(/\|/g, '/')} | ${why?.source ?? 'see examples/sdk/' + sdk.id.split('-')[0] + '/FINDINGS.md'} |`,
        )
      }
    }
  }
  lines.push('', '## Rules demoted to should, and SDK defects found', '', ...CALIBRATION, '')
  lines.push('', '## Versions', '')
  for (const sdk of m.sdks)
    lines.push(
      `- **${sdk.language}** \`${sdk.sdk}\` ${sdk.sdkVersion}${sdk.versions ? `: ${sdk.versions.replace(/\n/g, '; ').slice(0, 400)}` : ''}`,
    )
  lines.push('')
  return `${lines.join('\n')}\n`
}
