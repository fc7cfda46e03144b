import { defineConfig } from 'vitest/config'

// The tests that judge the rulebook on hand-built runs: pure, fast, and what `npm run mutation` mutates against.
export default defineConfig({
  test: {
    include: [
      'test/judge/rulebook.test.ts',
      'test/judge/rulebook-golden.test.ts',
      'test/judge/rulebook-tables.test.ts',
    ],
    setupFiles: ['test/setup.ts'],
    pool: 'forks',
  },
})
