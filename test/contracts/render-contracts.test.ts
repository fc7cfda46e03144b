import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GENERATED_COMMENT, renderContracts } from '../../src/contracts/render-contracts.js'
import { CONTRACT_FILES } from '../../src/contracts/contract-files.js'
import { REVISION_IDS } from '../../src/model/revisions.js'
import { packageRoot } from '../../src/internal/package-root.js'

const rendered = renderContracts()
interface RenderedSchema {
  readonly $schema?: string
  readonly $comment?: string
  readonly properties: Readonly<Record<string, { readonly items?: unknown }>>
  readonly definitions: Readonly<
    Record<string, { readonly enum?: readonly string[]; readonly pattern?: string }>
  >
}
const schemaAt = (path: string): RenderedSchema =>
  JSON.parse(rendered.get(path) ?? 'null') as RenderedSchema

describe('renderContracts', () => {
  it('renders every contract of every revision', () => {
    expect(rendered.size).toBe(REVISION_IDS.length * CONTRACT_FILES.length)
    for (const text of rendered.values()) {
      const schema = JSON.parse(text) as RenderedSchema
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#')
      expect(schema.$comment).toBe(GENERATED_COMMENT)
      expect(text.endsWith('}\n')).toBe(true)
    }
  })

  it('keeps enum values in model order, not alphabetical', () => {
    const response = schemaAt('contracts/2025-12/start-engagement-by-accepting-invitation-task.response.schema.json')
    expect(response.definitions.TaskStatus?.enum).toEqual(['IN_PROGRESS', 'COMPLETE', 'FAILED'])
    expect(response.definitions.ReasonCode?.enum?.[0]).toBe('InvitationAccessDenied')
    expect(response.definitions.ReasonCode?.enum).toHaveLength(22)
  })

  it('shapes the reference revision from data: ClientToken, Identifier length, no Tags, 19 ReasonCodes', () => {
    const request = schemaAt('contracts/reference/start-engagement-by-accepting-invitation-task.request.schema.json')
    const response = schemaAt('contracts/reference/start-engagement-by-accepting-invitation-task.response.schema.json')
    expect(request.definitions.ClientToken).toMatchObject({ pattern: '^[!-~]{1,64}$', minLength: 1 })
    expect(request.definitions.EngagementInvitationArnOrIdentifier).toMatchObject({ minLength: 1, maxLength: 255 })
    expect(request.properties.Tags).toBeUndefined()
    expect(request.definitions.Tag).toBeUndefined()
    expect(response.definitions.ReasonCode?.enum).toHaveLength(19)
  })

  it('points list items at their shape definitions', () => {
    const list = schemaAt('contracts/2025-12/list-engagement-by-accepting-invitation-tasks.request.schema.json')
    expect(list.properties.TaskIdentifier?.items).toEqual({ $ref: '#/definitions/TaskArnOrIdentifier' })
    expect(list.definitions.TaskArnOrIdentifier?.pattern).toBe('^(arn:.*|task-[0-9a-z]{13})$')
  })

  it('fails, naming the shape, when a JSDoc constraint differs from constraints.ts', () => {
    // Arrange
    const root = mkdtempSync(join(tmpdir(), 'eck-render-'))
    try {
      cpSync(join(packageRoot(), 'src'), join(root, 'src'), { recursive: true })
      const file = join(root, 'src', 'model', 'request.ts')
      writeFileSync(file, readFileSync(file, 'utf8').replace('@pattern ^[a-zA-Z]+$', '@pattern ^[a-z]+$'))
      // Act + Assert
      expect(() => renderContracts({ root })).toThrow(/CatalogIdentifier: @pattern \^\[a-z\]\+\$, table \^\[a-zA-Z\]\+\$/)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
