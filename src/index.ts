/**
 * engagement-contract-kit: the model, contracts and validators of AWS Partner Central Selling
 * `StartEngagementByAcceptingInvitationTask`.
 * @example
 * import { validateRequest } from 'engagement-contract-kit'
 * const { valid, issues } = validateRequest({ Catalog: 'Sandbox', ClientToken: 't-1', Identifier: 'engi-0123456789abc' })
 * @module
 */
export { SERVICE, OPERATIONS, START_OPERATION, targetOf } from './model/operation.js'
export {
  TASK_STATUSES,
  VALIDATION_EXCEPTION_REASONS,
  VALIDATION_EXCEPTION_ERROR_CODES,
  ACCESS_DENIED_REASONS,
  SORT_ORDERS,
  LIST_TASKS_SORT_NAMES,
  INVITATION_STATUSES,
  KNOWN_CATALOGS,
} from './model/enums.js'
export { REASON_CODE_INFO, REASON_CODES } from './model/reason-codes.js'
export { ERROR_INFO, ERROR_NAMES, LIST_ERROR_NAMES, isErrorName } from './model/errors.js'
export { sanitizeErrorName, findErrorName } from './model/error-name.js'
export { STRING_CONSTRAINTS, LIST_CONSTRAINTS, INTEGER_CONSTRAINTS } from './model/constraints.js'
export {
  REVISION_IDS,
  REVISIONS,
  DEFAULT_REVISION,
  REVISION_ALIASES,
  resolveRevision,
} from './model/revisions.js'
export { CONTRACT_FILES, contractPath } from './contracts/contract-files.js'
export { validateRequest, assertValidRequest } from './validators/validate-request.js'
export { validateResponse, assertValidResponse } from './validators/validate-response.js'
export { validateListRequest, validateListResponse } from './validators/validate-list.js'
export { validateErrorBody, canonicalErrorBody } from './validators/validate-error-body.js'
export { validateDocument, DOCUMENT_KINDS } from './validators/validate-document.js'
export { validateContract } from './validators/validate-contract.js'
export { loadContract, createAjv } from './validators/compile-contract.js'
export {
  KEYWORD_CODES,
  toErrorList,
  formatFieldName,
  ContractValidationError,
} from './validators/issue.js'
export { checkDrift, compareSurfaces, SDK_PACKAGE } from './drift/check-drift.js'
export { modelSurface, sdkSurface } from './drift/api-surface.js'
export { ToolkitError, UsageError } from './internal/toolkit-error.js'

export type { OperationName } from './model/operation.js'
export type {
  TaskStatus,
  ValidationExceptionReason,
  ValidationExceptionErrorCode,
  AccessDeniedExceptionErrorCode,
  SortOrder,
  ListTasksSortName,
  InvitationStatus,
  KnownCatalog,
} from './model/enums.js'
export type { ReasonCode, ReasonCodeInfo, ReasonCategory } from './model/reason-codes.js'
export type { ErrorName, ErrorInfo, SdkRetryClass } from './model/errors.js'
export type {
  StringConstraint,
  ListConstraint,
  IntegerConstraint,
  StringShapeName,
} from './model/constraints.js'
export type { Revision, RevisionId, RequestMember } from './model/revisions.js'
export type { StartEngagementByAcceptingInvitationTaskRequest, Tag } from './model/request.js'
export type {
  StartEngagementByAcceptingInvitationTaskResponse,
  TaskSummaryMembers,
} from './model/response.js'
export type {
  ListEngagementByAcceptingInvitationTasksRequest,
  ListEngagementByAcceptingInvitationTasksResponse,
  ListEngagementByAcceptingInvitationTaskSummary,
  ListTasksSortBase,
} from './model/list.js'
export type {
  ValidationException,
  ValidationExceptionError,
  ServiceQuotaExceededException,
  AccessDeniedException,
  ResourceNotFoundException,
  ConflictException,
  ThrottlingException,
  InternalServerException,
} from './model/error-shapes.js'
export type { ContractKind, ContractFile } from './contracts/contract-files.js'
export type { Issue, Warning, ValidationResult } from './validators/issue.js'
export type { ValidateOptions } from './validators/validate-contract.js'
export type {
  ValidateErrorBodyOptions,
  ErrorBodyValidationResult,
} from './validators/validate-error-body.js'
export type { DocumentKind } from './validators/validate-document.js'
export type { DriftReport, DriftDifference, CheckDriftOptions } from './drift/check-drift.js'
export type { ApiSurface, SurfaceAspect } from './drift/api-surface.js'
