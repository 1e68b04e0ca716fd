import { AssemblyInputError } from './assembly-input-error.js';
import type { BoundView, WorksetBody } from './assembly-records.js';
import { namedVersionAt, objectAt } from './read-fields.js';

/** What TDO requires of a workset's name. */
export const WORKSET_NAME_SUFFIX = '_workset';

/**
 * A workset's name, checked: it ends in `_workset`, as the reference asks.
 *
 * @throws {@link AssemblyInputError} naming `field`.
 */
export function validateWorksetName(name: unknown, field = 'entity.name'): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
    throw new AssemblyInputError(
      field,
      'must be letters, digits, ".", "_" and "-", starting with a letter or digit',
    );
  if (!name.endsWith(WORKSET_NAME_SUFFIX) || name === WORKSET_NAME_SUFFIX)
    throw new AssemblyInputError(field, `"${name}" must end in "${WORKSET_NAME_SUFFIX}"`);
  return name;
}

/**
 * A workset's body (scenario, primary view and data set, further views),
 * checked: every reference named with its version, no view twice.
 *
 * @throws {@link AssemblyInputError} naming the field.
 */
export function validateWorkset(input: unknown): WorksetBody {
  const object = objectAt(input, 'entity');
  const scenario = namedVersionAt(object.scenario, 'entity.scenario');
  const primary = boundViewAt(object.primary, 'entity.primary');
  return { scenario, primary, dataViews: dataViewsAt(object.dataViews, primary) };
}

/**
 * The further views of a workset update, checked against its primary view.
 *
 * @throws {@link AssemblyInputError} naming the field.
 */
export function dataViewsAt(value: unknown, primary: BoundView): BoundView[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new AssemblyInputError('entity.dataViews', 'must be an array');
  const names = new Set([primary.view.name]);
  return value.map((raw: unknown, index) => {
    const field = `entity.dataViews[${index}]`;
    const bound = boundViewAt(raw, field);
    if (names.has(bound.view.name))
      throw new AssemblyInputError(`${field}.view.name`, `"${bound.view.name}" is used twice`);
    names.add(bound.view.name);
    return bound;
  });
}

function boundViewAt(value: unknown, field: string): BoundView {
  const object = objectAt(value, field);
  return {
    view: namedVersionAt(object.view, `${field}.view`),
    dataSet: namedVersionAt(object.dataSet, `${field}.dataSet`),
  };
}
