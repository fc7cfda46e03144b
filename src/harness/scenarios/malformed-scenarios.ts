/**
 * Malformed success bodies: truncated JSON, a wrong content type, StartTime as an epoch number, an HTML
 * or empty 200, a body that is not an object.
 */
import type { MalformedStep } from '../../mock/behaviour-script.js'
import type { ScenarioDefinition } from '../scenario.js'
import { inputFor, startScript } from './script-of.js'

const FORMS: readonly { readonly form: MalformedStep['form']; readonly title: string }[] = [
  { form: 'truncated-json', title: 'a 200 whose JSON body is cut short' },
  { form: 'wrong-content-type', title: 'a 200 with Content-Type text/plain' },
  { form: 'epoch-start-time', title: 'a 200 with StartTime as an epoch number' },
  { form: 'html-200', title: 'a 200 with an HTML page' },
  { form: 'empty-200', title: 'a 200 with an empty body' },
  { form: 'not-an-object', title: 'a 200 whose body is a JSON array' },
]

/**
 * The malformed-body scenarios.
 * @returns One scenario per form.
 */
export function malformedScenarios(): ScenarioDefinition[] {
  return FORMS.map(({ form, title }): ScenarioDefinition => {
    const id = `malformed.${form}`
    return {
      id,
      title: `${title}: reported as a result or an error, never a crash`,
      tags: ['malformed'],
      input: inputFor(id),
      script: startScript([], { kind: 'malformed', form }),
      expect: { kind: 'reported' },
      why: 'Proxies and partial reads produce bodies the model does not describe.',
    }
  })
}
