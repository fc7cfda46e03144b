/**
 * `npm run bench`: runs every benchmark in one process and prints Markdown for BENCHMARKS.md.
 * `npm run bench -- validation` runs one suite.
 */
import { cpus, totalmem } from 'node:os'
import { benchValidation } from './validation.js'
import { benchGenerators } from './generators.js'
import { benchSimulator } from './simulator.js'
import { benchHarness } from './harness.js'
import { benchFuzz } from './fuzz.js'
import { benchFrontDoor } from './front-door.js'

// The SDK's Node 20 support notice is not part of any measurement.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const SUITES: Record<string, () => string[] | Promise<string[]>> = {
  validation: benchValidation,
  generators: benchGenerators,
  simulator: benchSimulator,
  harness: benchHarness,
  fuzz: benchFuzz,
  'front-door': benchFrontDoor,
  protocol: async () => (await import('./protocol.js')).benchProtocol(),
}

const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !(name in SUITES))
if (unknown.length > 0) {
  console.error(
    `eck bench: unknown suite ${unknown.join(', ')}. Known: ${Object.keys(SUITES).join(', ')}`,
  )
  process.exitCode = 2
} else {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log(
    `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  )
  for (const [name, run] of Object.entries(SUITES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue
    console.error(`[bench] ${name}…`)
    console.log((await run()).join('\n'))
    console.log('')
  }
}
