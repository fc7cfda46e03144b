// ESLint flat config: typescript-eslint's strict type-checked rules on every TypeScript file, plus the
// extras of STYLE.md §4. `npm run lint` runs it; `.ci/run` too.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'contracts/',
      'reports/',
      // The SDK adapters' build outputs (a Python virtual environment, Cargo and Maven targets).
      'examples/sdk/*/.venv/',
      'examples/sdk/*/target/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['*.config.ts', '*.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-template-curly-in-string': 'error',
      'no-console': 'error',
      // Numbers read naturally in messages (`${attempts} attempts`); the rule still refuses objects, arrays,
      // undefined and null, which is what it is for.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `interface Response extends TaskSummaryMembers {}` gives the output type its own name in the
      // declarations and the generated JSON Schemas; a type alias would not.
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
      // As tsconfig's noUnusedParameters: a leading underscore marks a deliberately unused name.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The CLI is the edge that prints (STYLE.md §8); tests, benchmarks and the repo's tools may log too.
    files: ['src/cli/**', 'test/**', 'bench/**', 'tools/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain JavaScript (this file, the protocol v1 fixture clients) is not part of the TypeScript program.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
