/**
 * ConflictException in every wire encoding of an error's name, with `Message` or `message`, sent with
 * status 400 so that only the name says which error it is (a client that maps statuses to names fails),
 * and one answer whose body and header name different errors (the body wins, service-facts §4).
 */
import { ERROR_ENCODING_NAMES } from '../../model/error-encodings.js'
import type { ScenarioDefinition } from '../scenario.js'
import { inputFor, startScript } from './script-of.js'

/**
 * The encoding scenarios.
 * @returns One scenario per encoding.
 */
export function encodingScenarios(): ScenarioDefinition[] {
  const precedence: ScenarioDefinition = {
    id: 'encoding.body-before-header',
    title:
      'The body __type says ConflictException, the X-Amzn-Errortype header says ResourceNotFoundException',
    tags: ['encoding'],
    input: inputFor('encoding.body-before-header'),
    script: startScript([], {
      kind: 'error',
      name: 'ResourceNotFoundException',
      encoding: 'header-bare',
      status: 400,
      members: { __type: 'com.amazonaws.partnercentralselling#ConflictException' },
    }),
    expect: { kind: 'error', name: 'ConflictException' },
    why: 'A client reads the name from body __type first, then body code, then the header (service-facts §4).',
  }
  const forms = ERROR_ENCODING_NAMES.map((encoding): ScenarioDefinition => {
    const id = `encoding.${encoding}`
    return {
      id,
      title: `ConflictException named in the ${encoding} form, with status 400`,
      tags: ['encoding'],
      input: inputFor(id),
      script: startScript([], {
        kind: 'error',
        name: 'ConflictException',
        status: 400,
        encoding,
        messageKey: encoding.startsWith('code') ? 'message' : 'Message',
      }),
      expect: { kind: 'error', name: 'ConflictException' },
      why: 'awsJson1_0 clients must read the name from __type, code or X-Amzn-Errortype in every form (service-facts §4).',
    }
  })
  return [...forms, precedence]
}
