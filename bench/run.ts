/**
 * `npm run bench`: runs every benchmark in one process and prints Markdown for BENCHMARKS.md.
 * `npm run bench -- validation` runs one suite. `--json` prints the figures as JSON on stdout instead
 * (the Markdown goes to stderr); `--json=<path>` writes them to a file and keeps the Markdown on stdout.
 */
import { cpus, totalmem } from 'node:os'
import { benchValidation } from './validation.js'
import { benchGenerators } from './generators.js'
import { benchSimulator } from './simulator.js'
import { benchHarness } from './harness.js'
import { benchFuzz } from './fuzz.js'
import { benchFrontDoor } from './front-door.js'
import { linesOf, parseBenchArgs, writeBenchJson, type SuiteOutput } from './bench-json.js'

// The SDK's Node 20 support notice is not part of any measurement.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const SUITES: Record<string, () => SuiteOutput | Promise<SuiteOutput>> = {
  validation: benchValidation,
  generators: benchGenerators,
  simulator: benchSimulator,
  harness: benchHarness,
  fuzz: benchFuzz,
  'front-door': benchFrontDoor,
  protocol: async () => (await import('./protocol.js')).benchProtocol(),
}

const { wanted, json } = parseBenchArgs(process.argv.slice(2))
const unknown = wanted.filter((name) => !(name in SUITES))
if (unknown.length > 0) {
  console.error(
    `eck bench: unknown suite ${unknown.join(', ')}. Known: ${Object.keys(SUITES).join(', ')}`,
  )
  process.exitCode = 2
} else {
  // With --json and no path, stdout carries the JSON alone.
  const print = json === 'stdout' ? console.error : console.log
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  print(
    `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  )
  const outputs: Record<string, SuiteOutput> = {}
  for (const [name, run] of Object.entries(SUITES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue
    console.error(`[bench] ${name}…`)
    const output = await run()
    outputs[name] = output
    print(linesOf(output).join('\n'))
    print('')
  }
  if (json !== undefined) writeBenchJson(json, outputs)
}
