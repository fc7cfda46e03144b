import { describe, expect, it } from 'vitest'
import { findErrorName, sanitizeErrorName } from '../../src/model/error-name.js'

describe('sanitizeErrorName', () => {
  it.each([
    ['FooError', 'FooError'],
    ['aws.protocoltests.restjson#FooError', 'FooError'],
    [
      'aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/',
      'FooError',
    ],
    ['FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/', 'FooError'],
    ['FooError,OtherError', 'FooError'],
  ])('reads %j as %s (awsJson1_0 error forms)', (raw, name) => {
    expect(sanitizeErrorName(raw)).toBe(name)
  })
})

describe('findErrorName', () => {
  it('prefers body __type, then body code, then the header', () => {
    expect(findErrorName({ __type: 'A', code: 'B' }, 'C')).toBe('A')
    expect(findErrorName({ code: 'B' }, 'C')).toBe('B')
    expect(findErrorName({}, 'ns#C:uri')).toBe('C')
    expect(findErrorName('not an object', null)).toBeUndefined()
  })

  it('ignores a nested __type inside ErrorDetails', () => {
    expect(findErrorName({ ErrorDetails: { __type: 'Nested' } }, undefined)).toBeUndefined()
  })
})
