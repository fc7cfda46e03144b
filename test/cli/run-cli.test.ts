import { describe, expect, it } from 'vitest'
import { runEck } from '../helpers/run-eck.js'

describe('eck', () => {
  it('prints help listing the commands with --help and exits 0', async () => {
    const run = await runEck(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('validate <kind> [file]')
    expect(run.stdout).toContain('drift')
  })

  it.each([['validate'], ['drift']])('prints help for %s with --help', async (command) => {
    const run = await runEck([command, '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`$ eck ${command}`)
    expect(run.stdout).toContain('Options:')
  })

  it.each([['check'], ['fuzz'], ['pact']])(
    'documents --protocol and --calls-per-process in the help of %s',
    async (command) => {
      const run = await runEck([command, '--help'])
      expect(run.stdout).toMatch(/--protocol <n> +With --command: the client protocol, 1 .* or 2 /)
      expect(run.stdout).toMatch(/--calls-per-process <n> +With --protocol 2: /)
    },
  )

  it('prints the version', async () => {
    const run = await runEck(['--version'])
    expect(run.stdout).toMatch(/^eck\/\d+\.\d+\.\d+/)
  })

  it('exits 2 for an unknown command with a hint', async () => {
    const run = await runEck(['valdiate'])
    expect(run).toMatchObject({ code: 2, stdout: '' })
    expect(run.stderr).toBe(
      'eck: Unknown command "valdiate". Commands: validate, generate, mock, check, fuzz, pact, publish, verify, can-i-deploy, record-deployment, drift.\nTry: eck --help\n',
    )
  })

  it('exits 2 and prints help on stderr without a command', async () => {
    const run = await runEck([])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Commands:')
  })
})

describe('eck drift', () => {
  it('exits 0 and lists every aspect in sync with the installed SDK', async () => {
    const run = await runEck(['drift'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('✓ ReasonCode values (22)')
    expect(run.stdout).toContain('In sync.')
  })

  it('compares another revision on request and lists how it differs', async () => {
    const run = await runEck(['drift', '--revision', 'reference'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('+ only in the SDK:   ContextNotFound')
    expect(run.stdout).toContain('expected for an older revision')
  })

  it('prints a JSON report', async () => {
    const run = await runEck(['drift', '--json'])
    expect(JSON.parse(run.stdout)).toMatchObject({
      inSync: true,
      sdkVersion: '3.1124.0',
      differences: [],
    })
  })
})
