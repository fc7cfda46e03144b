import fc from 'fast-check'
import type { StartEngagementByAcceptingInvitationTaskRequest } from '../src/model/request.js'
import { resolveRevision } from '../src/model/revisions.js'
import { catalog } from './fields/catalog.js'
import { clientToken } from './fields/client-token.js'
import { identifier } from './fields/identifier.js'
import { tags } from './fields/tags.js'

/** Constraints of {@link validRequest}. */
export interface ValidRequestConstraints {
  /**
   * The revision of the API shape.
   * @defaultValue '2025-12'
   */
  readonly revision?: string
  /**
   * Leave `ClientToken` out sometimes (SDKs fill it in; the wire request then still has one).
   * @defaultValue false
   */
  readonly withoutClientToken?: boolean
  /**
   * Also use schema-valid catalogs other than AWS and Sandbox.
   * @defaultValue false
   */
  readonly anySchemaValidCatalog?: boolean
}

/**
 * Valid StartEngagementByAcceptingInvitationTask inputs, keys in the SDK's order
 * (`Catalog, Identifier, ClientToken, Tags`); `Tags` only in revisions that have it.
 * @param constraints The revision and options.
 * @returns The arbitrary.
 */
export function validRequest(
  constraints: ValidRequestConstraints = {},
): fc.Arbitrary<StartEngagementByAcceptingInvitationTaskRequest> {
  const revision = resolveRevision(constraints.revision)
  const withTags = revision.requestMembers.includes('Tags')
  return fc
    .record({
      Catalog: catalog({ anySchemaValid: constraints.anySchemaValidCatalog === true }),
      Identifier: identifier(),
      ClientToken: clientToken({ revision: revision.id }),
      // Tags in one input of five: they are optional and by far the costliest member to draw.
      Tags: withTags
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: tags() },
          )
        : fc.constant(undefined),
      omitToken: constraints.withoutClientToken === true ? fc.boolean() : fc.constant(false),
    })
    .map(({ Catalog, Identifier, ClientToken, Tags, omitToken }) => {
      const request: Record<string, unknown> = { Catalog, Identifier }
      if (!omitToken) request.ClientToken = ClientToken
      if (Tags !== undefined) request.Tags = Tags
      return request as unknown as StartEngagementByAcceptingInvitationTaskRequest
    })
}
