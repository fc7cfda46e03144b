/**
 * ConflictException in every wire encoding of an error's name, with `Message` or `message`.
 */
import { ERROR_ENCODING_NAMES } from '../../model/error-encodings.js'
import type { Scenario } from '../scenario.js'
import { inputFor, startScript } from './script-of.js'

/**
 * The encoding scenarios.
 * @returns One scenario per encoding.
 */
export function encodingScenarios(): Scenario[] {
  return ERROR_ENCODING_NAMES.map((encoding): Scenario => {
    const id = `encoding.${encoding}`
    return {
      id,
      title: `ConflictException named in the ${encoding} form`,
      tags: ['encoding', 'error'],
      input: inputFor(id),
      script: startScript([], { kind: 'error', name: 'ConflictException', encoding, messageKey: encoding.startsWith('code') ? 'message' : 'Message' }),
      expect: { kind: 'error', name: 'ConflictException' },
      checks: ['encodings', 'not-retried'],
      why: 'awsJson1_0 clients must read the name from __type, code or X-Amzn-Errortype in every form (service-facts §4).',
    }
  })
}
