import { describe, expect, it } from 'vitest'
import * as sdk from '@aws-sdk/client-partnercentral-selling'
import { checkDrift, compareSurfaces } from '../../src/drift/check-drift.js'
import { modelSurface, sdkSurface } from '../../src/drift/api-surface.js'

describe('checkDrift', () => {
  it('finds the current model in sync with the installed SDK', async () => {
    const report = await checkDrift()
    expect(report.differences).toEqual([])
    expect(report.inSync).toBe(true)
    expect(report.sdkVersion).toBe('3.1124.0')
  })

  it('fails when a ReasonCode is removed from the model', async () => {
    // Arrange
    const current = modelSurface('2025-12')
    const model = {
      ...current,
      'ReasonCode values': current['ReasonCode values'].filter(
        (code) => code !== 'ContextNotFound',
      ),
    }
    // Act
    const report = await checkDrift({ model })
    // Assert
    expect(report.inSync).toBe(false)
    expect(report.differences).toEqual([
      { aspect: 'ReasonCode values', onlyInModel: [], onlyInSdk: ['ContextNotFound'] },
    ])
  })

  it('sees a value that only the SDK has, a changed HTTP status and a lost idempotency token', () => {
    // Arrange
    const theirs = sdkSurface(sdk)
    const changed = {
      ...theirs,
      'TaskStatus values': [...theirs['TaskStatus values'], 'CANCELLED'],
      'errors (name, HTTP status, fault)': theirs['errors (name, HTTP status, fault)'].map(
        (entry) => (entry.startsWith('ConflictException') ? 'ConflictException 400 client' : entry),
      ),
      'idempotency token': [],
    }
    // Act
    const differences = compareSurfaces(modelSurface(), changed)
    // Assert
    expect(differences.map((difference) => difference.aspect)).toEqual([
      'TaskStatus values',
      'errors (name, HTTP status, fault)',
      'idempotency token',
    ])
    expect(differences[1]).toMatchObject({
      onlyInModel: ['ConflictException 409 client'],
      onlyInSdk: ['ConflictException 400 client'],
    })
  })

  it('reads the SDK input members, required members and idempotency token from its schema', () => {
    const theirs = sdkSurface(sdk)
    expect(theirs['input members']).toEqual(['Catalog', 'Identifier', 'ClientToken', 'Tags'])
    expect(theirs['required input members (idempotency token excluded)']).toEqual([
      'Catalog',
      'Identifier',
    ])
    expect(theirs['idempotency token']).toEqual(['ClientToken'])
  })

  it('shows how the reference revision differs from the SDK', () => {
    const differences = compareSurfaces(modelSurface('reference'), sdkSurface(sdk))
    const aspects = Object.fromEntries(
      differences.map((difference) => [difference.aspect, difference]),
    )
    expect(aspects['ReasonCode values']?.onlyInSdk).toHaveLength(3)
    expect(aspects['input members']?.onlyInSdk).toEqual(['Tags'])
  })

  it('throws a clear error when the SDK schema format is not readable', () => {
    expect(() => sdkSurface({})).toThrow(/expected format/)
  })
})
