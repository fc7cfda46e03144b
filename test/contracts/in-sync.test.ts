import { describe, expect, it } from 'vitest'
import { renderContracts } from '../../src/contracts/render-contracts.js'
import { diffContracts, writeContracts } from '../../src/contracts/sync-contracts.js'
import { packageRoot } from '../../src/internal/package-root.js'

describe('contracts/', () => {
  it('matches the model (UPDATE_CONTRACTS=1 rewrites it)', () => {
    // Arrange
    const rendered = renderContracts()
    const root = packageRoot()
    // Act
    if (process.env.UPDATE_CONTRACTS === '1') writeContracts(rendered, root)
    const diff = diffContracts(rendered, root)
    // Assert
    const problems = [
      ...diff.missing.map((path) => `missing: ${path}`),
      ...diff.stale.map((path) => `out of date: ${path}`),
      ...diff.extra.map((path) => `no longer generated: ${path}`),
    ]
    expect(problems, 'contracts/ is out of date: run `npm run contracts` and commit').toEqual([])
  })

  it('renders the same text twice', () => {
    expect([...renderContracts()]).toEqual([...renderContracts()])
  })
})
