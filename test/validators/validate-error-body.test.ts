import { describe, expect, it } from 'vitest'
import { validateErrorBody } from '../../src/validators/validate-error-body.js'
import { ERROR_NAMES } from '../../src/model/errors.js'
import { expectIssue, expectValid } from '../helpers/expect-issue.js'

const validation = {
  __type: 'com.amazonaws.partnercentralselling#ValidationException',
  Message: 'bad',
  Reason: 'REQUEST_VALIDATION_FAILED',
  ErrorList: [{ FieldName: 'Identifier', Message: 'bad', Code: 'INVALID_STRING_FORMAT' }],
}

describe('validateErrorBody', () => {
  it.each(ERROR_NAMES.map((name) => [name]))('accepts a canonical %s body', (name) => {
    const result = validateErrorBody({
      __type: `com.amazonaws.partnercentralselling#${name}`,
      Message: 'm',
      ...(name === 'ValidationException' ? { Reason: 'BUSINESS_VALIDATION_FAILED' } : {}),
    })
    expectValid(result)
    expect(result.name).toBe(name)
  })

  it.each([
    ['ValidationException'],
    ['com.amazonaws.partnercentralselling#ValidationException'],
    ['aws.protocoltests.restjson#ValidationException'],
    ['ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/'],
    ['com.amazonaws.partnercentralselling#ValidationException:http://internal.amazon.com/coral/'],
  ])('reads the error name from __type %j', (__type) => {
    const result = validateErrorBody({ ...validation, __type })
    expectValid(result)
    expect(result.name).toBe('ValidationException')
  })

  it('reads the name from body code, then from the X-Amzn-Errortype header', () => {
    expect(validateErrorBody({ code: 'ConflictException', Message: 'm' }).name).toBe(
      'ConflictException',
    )
    expect(
      validateErrorBody({ Message: 'm' }, { errorTypeHeader: 'ThrottlingException:http://x' }).name,
    ).toBe('ThrottlingException')
  })

  it('requires ValidationException Message and Reason, and checks Reason and ErrorList codes', () => {
    expectIssue(
      validateErrorBody({ __type: 'ValidationException', Reason: 'REQUEST_VALIDATION_FAILED' }),
      'Message',
      'REQUIRED_FIELD_MISSING',
    )
    expectIssue(
      validateErrorBody({ __type: 'ValidationException', Message: 'm' }),
      'Reason',
      'REQUIRED_FIELD_MISSING',
    )
    expectIssue(
      validateErrorBody({ ...validation, Reason: 'OTHER' }),
      'Reason',
      'INVALID_ENUM_VALUE',
    )
    expectIssue(
      validateErrorBody({ ...validation, ErrorList: [{ Message: 'm', Code: 'NOPE' }] }),
      'ErrorList[0].Code',
      'INVALID_ENUM_VALUE',
    )
    expectIssue(
      validateErrorBody({ ...validation, ErrorList: [{ Code: 'INVALID_VALUE' }] }),
      'ErrorList[0].Message',
      'REQUIRED_FIELD_MISSING',
    )
  })

  it('checks AccessDeniedException Reason', () => {
    expectValid(
      validateErrorBody({
        __type: 'AccessDeniedException',
        Message: 'm',
        Reason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
      }),
    )
    expectIssue(
      validateErrorBody({ __type: 'AccessDeniedException', Reason: 'NOPE' }),
      'Reason',
      'INVALID_ENUM_VALUE',
    )
  })

  it('rejects a body whose __type names another error than the one asked for', () => {
    expectIssue(
      validateErrorBody(
        { __type: 'ConflictException', Message: 'm' },
        { name: 'ThrottlingException' },
      ),
      '__type',
      'INVALID_STRING_FORMAT',
    )
  })

  it('reports an unknown or missing error name on __type', () => {
    expectIssue(validateErrorBody({ __type: 'TeapotException' }), '__type', 'INVALID_ENUM_VALUE')
    expectIssue(validateErrorBody({ Message: 'm' }), '__type', 'REQUIRED_FIELD_MISSING')
  })

  it('accepts the wire variants: body code for __type, message for Message', () => {
    expectValid(validateErrorBody({ code: 'ConflictException', message: 'm' }))
    expectValid(
      validateErrorBody({
        __type: 'ValidationException',
        message: 'm',
        Reason: 'REQUEST_VALIDATION_FAILED',
      }),
    )
    expectIssue(
      validateErrorBody({ code: 'ValidationException', message: 'm' }),
      'Reason',
      'REQUIRED_FIELD_MISSING',
    )
  })

  it('rejects members the error does not have', () => {
    expectIssue(
      validateErrorBody({ __type: 'ConflictException', Message: 'm', Reason: 'x' }),
      'Reason',
      'INVALID_VALUE',
    )
  })
})

describe('the nested __type form of the compliance suite', () => {
  it('reads the top-level __type, ignores ErrorDetails[].__type, and accepts the body', () => {
    const body = {
      __type: 'com.amazonaws.partnercentralselling#ConflictException',
      ErrorDetails: [{ __type: 'com.amazon.internal#ErrorDetails', reason: 'Some reason' }],
      Message: 'conflict',
    }
    const result = validateErrorBody(body)
    expect(result.name).toBe('ConflictException')
    expect(result.issues).toEqual([])
  })

  it('keeps an ErrorDetails that is not an array of objects, so the contract rejects it', () => {
    const result = validateErrorBody({
      __type: 'ConflictException',
      Message: 'x',
      ErrorDetails: 'text',
    })
    expect(result.valid).toBe(false)
    expect(result.issues[0]?.path).toEqual(['ErrorDetails'])
  })
})
