import { AssemblyInputError } from './assembly-input-error.js';
import type { ScenarioBody, ScenarioStep } from './assembly-records.js';
import { objectAt, textAt, textsAt } from './read-fields.js';

/**
 * A scenario's body, checked: at least one step, step names unique.
 *
 * @throws {@link AssemblyInputError} naming the field.
 */
export function validateScenario(input: unknown): ScenarioBody {
  const object = objectAt(input, 'entity');
  if (!Array.isArray(object.steps) || object.steps.length === 0)
    throw new AssemblyInputError('entity.steps', 'must be a non-empty array of steps');
  const names = new Set<string>();
  const steps = object.steps.map((raw: unknown, index): ScenarioStep => {
    const field = `entity.steps[${index}]`;
    const step = objectAt(raw, field);
    const name = textAt(step.name, `${field}.name`);
    if (names.has(name)) throw new AssemblyInputError(`${field}.name`, `"${name}" is used twice`);
    names.add(name);
    const out: ScenarioStep = { name };
    if (step.recordType !== undefined)
      out.recordType = textAt(step.recordType, `${field}.recordType`);
    const views = textsAt(step.views, `${field}.views`);
    if (views !== undefined) out.views = views;
    return out;
  });
  const scenario: ScenarioBody = { steps };
  if (typeof object.description === 'string') scenario.description = object.description;
  return scenario;
}
