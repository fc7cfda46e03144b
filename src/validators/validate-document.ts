/**
 * One entry for every document kind the toolkit validates, as `eck validate <kind>` names them.
 */
import { validateErrorBody, type ValidateErrorBodyOptions } from './validate-error-body.js'
import { validateListRequest, validateListResponse } from './validate-list.js'
import { validateRequest } from './validate-request.js'
import { validateResponse } from './validate-response.js'
import type { ValidationResult } from './issue.js'

/** The document kinds of `eck validate`. */
export const DOCUMENT_KINDS = [
  'request',
  'response',
  'error',
  'list-request',
  'list-response',
] as const
/** One of {@link DOCUMENT_KINDS}. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** What each kind is, for people. */
export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  request: 'StartEngagementByAcceptingInvitationTask request',
  response: 'StartEngagementByAcceptingInvitationTask response',
  error: 'error body',
  'list-request': 'ListEngagementByAcceptingInvitationTasks request',
  'list-response': 'ListEngagementByAcceptingInvitationTasks response',
}

/**
 * Validates a document of the given kind.
 * @param kind What the document is.
 * @param value The parsed document.
 * @param options The revision, and for errors the error name.
 * @returns The issues and warnings; for errors, also the error name it was checked as.
 */
export function validateDocument(
  kind: DocumentKind,
  value: unknown,
  options: ValidateErrorBodyOptions = {},
): ValidationResult & { readonly name?: string } {
  switch (kind) {
    case 'request':
      return validateRequest(value, options)
    case 'response':
      return validateResponse(value, options)
    case 'error':
      return validateErrorBody(value, options)
    case 'list-request':
      return validateListRequest(value, options)
    case 'list-response':
      return validateListResponse(value, options)
  }
}
