/**
 * The invitations the simulator knows. The default set lets examples and first tries work.
 */
import type { InvitationStatus, KnownCatalog } from '../model/enums.js'

/** One engagement invitation. */
export interface Invitation {
  readonly id: string
  readonly catalog: string
  status: InvitationStatus
  /** RFC 3339. */
  readonly expirationDate: string
}

/** The ARN of an invitation, as `Identifier` may give it. */
export function invitationArnOf(invitation: Pick<Invitation, 'id' | 'catalog'>): string {
  return `arn:aws:partnercentral:us-east-1::catalog/${invitation.catalog}/engagement-invitation/${invitation.id}`
}

/**
 * The default invitations, reachable by id and by ARN:
 *
 * | id | catalog | status |
 * |---|---|---|
 * | `engi-0123456789abc` | Sandbox | PENDING |
 * | `engi-0123456789aws` | AWS | PENDING |
 * | `engi-accepted00001` | Sandbox | ACCEPTED |
 * | `engi-rejected00001` | Sandbox | REJECTED |
 * | `engi-expired000001` | Sandbox | EXPIRED |
 * @returns Fresh copies (the simulator changes statuses).
 */
export function defaultInvitations(): Invitation[] {
  const row = (id: string, catalog: KnownCatalog, status: InvitationStatus): Invitation => ({
    id,
    catalog,
    status,
    expirationDate: status === 'EXPIRED' ? '2025-01-31T00:00:00Z' : '2030-12-31T00:00:00Z',
  })
  return [
    row('engi-0123456789abc', 'Sandbox', 'PENDING'),
    row('engi-0123456789aws', 'AWS', 'PENDING'),
    row('engi-accepted00001', 'Sandbox', 'ACCEPTED'),
    row('engi-rejected00001', 'Sandbox', 'REJECTED'),
    row('engi-expired000001', 'Sandbox', 'EXPIRED'),
  ]
}
