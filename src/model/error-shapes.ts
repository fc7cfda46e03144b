/**
 * The bodies of the seven errors (service-facts §4) in their canonical wire form: the members plus the
 * optional `__type` discriminator. Other encodings (header only, `code`, `message`) are wire variants.
 */
import type {
  AccessDeniedExceptionErrorCode,
  ValidationExceptionErrorCode,
  ValidationExceptionReason,
} from './enums.js'

/** One entry of a ValidationException's ErrorList. */
export interface ValidationExceptionError {
  /** The field at fault, when there is one. */
  FieldName?: string
  /** What is wrong. */
  Message: string
  /** The kind of problem. */
  Code: ValidationExceptionErrorCode
}

/** HTTP 400: the input breaks a constraint or a business rule. */
export interface ValidationException {
  /** Error type discriminator, e.g. `com.amazonaws.partnercentralselling#ValidationException`. */
  __type?: string
  /** What is wrong. */
  Message: string
  /** Request or business validation. */
  Reason: ValidationExceptionReason
  /** Every problem found. */
  ErrorList?: ValidationExceptionError[]
}

/** HTTP 402: a service quota would be exceeded. */
export interface ServiceQuotaExceededException {
  /** Error type discriminator. */
  __type?: string
  /** What is wrong. */
  Message?: string
}

/** HTTP 403: the caller may not do this. */
export interface AccessDeniedException {
  /** Error type discriminator. */
  __type?: string
  /** What is wrong. */
  Message?: string
  /** Why access was denied. */
  Reason?: AccessDeniedExceptionErrorCode
}

/** HTTP 404: the resource does not exist or is not visible. */
export interface ResourceNotFoundException {
  /** Error type discriminator. */
  __type?: string
  /** What is wrong. */
  Message?: string
}

/** HTTP 409: the request conflicts with the resource's state. */
export interface ConflictException {
  /** Error type discriminator. */
  __type?: string
  /** What is wrong. */
  Message?: string
}

/** HTTP 429: too many requests. */
export interface ThrottlingException {
  /** Error type discriminator. */
  __type?: string
  /** What is wrong. */
  Message?: string
}

/** HTTP 500: a transient service failure. */
export interface InternalServerException {
  /** Error type discriminator. */
  __type?: string
  /** What is wrong. */
  Message?: string
}
