import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validRequest } from '../../generators/valid-request.js'
import { createSimulator } from '../../src/mock/simulator.js'
import { defaultInvitations, invitationArnOf } from '../../src/mock/invitations.js'
import { REVISION_IDS, REVISIONS } from '../../src/model/revisions.js'
import { validateListResponse } from '../../src/validators/validate-list.js'
import { validateResponse } from '../../src/validators/validate-response.js'
import { validateErrorBody } from '../../src/validators/validate-error-body.js'
import { wireRequest } from '../helpers/wire-request.js'

const invitations = defaultInvitations()

describe.each(REVISION_IDS)(
  'every simulator answer passes its contract (revision %s)',
  (revision) => {
    it('answers valid requests for known invitations with valid Start and List bodies, whatever the ending', async () => {
      await fc.assert(
        fc.asyncProperty(
          validRequest({ revision }),
          fc.constantFrom(...invitations),
          fc.boolean(),
          fc.option(fc.constantFrom(...REVISIONS[revision].reasonCodes), { nil: undefined }),
          async (request, invitation, byArn, reasonCode) => {
            // Arrange
            const script =
              reasonCode === undefined
                ? {}
                : {
                    operations: {
                      StartEngagementByAcceptingInvitationTask: {
                        then: { kind: 'task' as const, status: 'FAILED' as const, reasonCode },
                      },
                    },
                  }
            const simulator = createSimulator({ revision, script, pollsInProgress: 0 })
            const input = {
              ...request,
              Catalog: invitation.catalog,
              Identifier: byArn ? invitationArnOf(invitation) : invitation.id,
            }
            // Act
            const outcome = await simulator.handle(
              wireRequest('StartEngagementByAcceptingInvitationTask', input),
            )
            const polled = await simulator.handle(
              wireRequest('ListEngagementByAcceptingInvitationTasks', {
                Catalog: invitation.catalog,
              }),
            )
            // Assert
            if (outcome.kind !== 'respond' || polled.kind !== 'respond')
              throw new Error('no answer')
            expect(outcome.response.status).toBe(200)
            expect(
              validateResponse(JSON.parse(outcome.response.body), { revision }).issues,
            ).toEqual([])
            expect(
              validateListResponse(JSON.parse(polled.response.body), { revision }).issues,
            ).toEqual([])
          },
        ),
        { numRuns: 100 },
      )
    })

    it('answers invalid requests with a ValidationException body that passes the error contract', async () => {
      const simulator = createSimulator({ revision })
      const outcome = await simulator.handle(
        wireRequest('StartEngagementByAcceptingInvitationTask', { Catalog: 1, Identifier: 'x' }),
      )
      if (outcome.kind !== 'respond') throw new Error('no answer')
      expect(validateErrorBody(JSON.parse(outcome.response.body), { revision }).issues).toEqual([])
    })
  },
)
