/**
 * ListEngagementByAcceptingInvitationTasks: the caller's tasks in a catalog, filtered, sorted and
 * paged with an opaque NextToken. Listing a task counts as polling it (a task moves on when polled).
 */
import { validateListRequest } from '../../validators/validate-list.js'
import { invitationArnOf } from '../invitations.js'
import { jsonResponse } from '../responses.js'
import { validationError, type OperationHandler } from './operation-context.js'

function encodeNextToken(offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: query })).toString('base64url')
}

function decodeNextToken(token: string, query: string): number | undefined {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      o?: unknown
      q?: unknown
    }
    return typeof decoded.o === 'number' &&
      Number.isInteger(decoded.o) &&
      decoded.o >= 0 &&
      decoded.q === query
      ? decoded.o
      : undefined
  } catch {
    return undefined
  }
}

/** The List operation. */
export const listTasks: OperationHandler = (input, { revision, store, caller }) => {
  const issues = validateListRequest(input, { revision: revision.id }).issues
  if (issues.length > 0) return { response: validationError(revision, issues) }
  const filters = {
    ids: input.TaskIdentifier as string[] | undefined,
    statuses: input.TaskStatus as string[] | undefined,
    opportunities: input.OpportunityIdentifier as string[] | undefined,
    invitations: input.EngagementInvitationIdentifier as string[] | undefined,
  }
  const query = JSON.stringify([input.Catalog, filters, input.Sort ?? null])
  let offset = 0
  if (input.NextToken !== undefined) {
    const decoded = decodeNextToken(input.NextToken as string, query)
    if (decoded === undefined) {
      return {
        response: validationError(revision, [
          {
            FieldName: 'NextToken',
            Message: 'NextToken is not valid for this request; start again without it.',
            Code: 'INVALID_VALUE',
            path: ['NextToken'],
            keyword: 'format',
            value: input.NextToken,
          },
        ]),
      }
    }
    offset = decoded
  }
  const matching = store.tasks.filter((task) => {
    if (task.caller !== caller || task.catalog !== input.Catalog) return false
    if (
      filters.ids !== undefined &&
      !filters.ids.some((id) => id === task.taskId || id === task.taskArn)
    )
      return false
    if (
      filters.invitations !== undefined &&
      !filters.invitations.some(
        (id) =>
          id === task.invitationId ||
          id === invitationArnOf({ id: task.invitationId, catalog: task.catalog }),
      )
    )
      return false
    return true
  })
  const descending = (input.Sort as { SortOrder?: string } | undefined)?.SortOrder !== 'ASCENDING'
  matching.sort((a, b) => (a.startMs - b.startMs || a.seq - b.seq) * (descending ? -1 : 1))
  // Filters see the state before this call; only the tasks on the page count as polled, so that
  // paging with NextToken never skips a task that moved on.
  const pageSize = typeof input.MaxResults === 'number' ? input.MaxResults : 20
  const visible = matching.filter((task) => {
    if (filters.statuses !== undefined && !filters.statuses.includes(task.status)) return false
    if (
      filters.opportunities !== undefined &&
      (task.opportunityId === undefined || !filters.opportunities.includes(task.opportunityId))
    )
      return false
    return true
  })
  const page = visible.slice(offset, offset + pageSize)
  for (const task of page) store.poll(task)
  const more = offset + pageSize < visible.length
  return {
    response: jsonResponse({
      TaskSummaries: page.map((task) => store.view(task)),
      ...(more ? { NextToken: encodeNextToken(offset + pageSize, query) } : {}),
    }),
  }
}
