import fc from 'fast-check'

// Every property run uses an explicit, printed seed: replay a red run with FC_SEED=<seed> npm test.
const fromEnv = process.env.FC_SEED
const seed =
  fromEnv !== undefined && fromEnv !== ''
    ? Number(fromEnv)
    : (Date.now() ^ (Math.random() * 0x100000000)) | 0
if (!Number.isInteger(seed))
  throw new Error(
    `[engagement-contract-kit] FC_SEED must be an integer, got ${JSON.stringify(fromEnv)}`,
  )
fc.configureGlobal({ seed, numRuns: Number(process.env.FC_NUM_RUNS ?? 200) })
if (process.env.ECK_QUIET_SEED !== '1')
  console.log(`[fast-check] seed ${seed} (replay with FC_SEED=${seed})`)
