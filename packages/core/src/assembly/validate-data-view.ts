import type { Where } from '../model/pool-definition.js';
import { AssemblyInputError } from './assembly-input-error.js';
import type { DataViewBody } from './assembly-records.js';
import { objectAt, textAt, textsAt } from './read-fields.js';

/**
 * A data view's body, checked: columns unique, `match` a map of column to
 * field, `key` among the columns when both are given. The `where` is
 * checked against the data set's columns when a workset assembles, since
 * only then is the data set known.
 *
 * @throws {@link AssemblyInputError} naming the field.
 */
export function validateDataView(input: unknown): DataViewBody {
  const object = objectAt(input, 'entity');
  const view: DataViewBody = {};
  if (object.description !== undefined) {
    if (typeof object.description !== 'string')
      throw new AssemblyInputError('entity.description', 'must be a string');
    view.description = object.description;
  }
  const columns = textsAt(object.columns, 'entity.columns');
  if (columns !== undefined) {
    if (columns.length === 0) throw new AssemblyInputError('entity.columns', 'must not be empty');
    const seen = new Set<string>();
    columns.forEach((column, index) => {
      if (seen.has(column))
        throw new AssemblyInputError(`entity.columns[${index}]`, `"${column}" is listed twice`);
      seen.add(column);
    });
    view.columns = columns;
  }
  if (object.where !== undefined) view.where = objectAt(object.where, 'entity.where') as Where;
  if (object.match !== undefined) {
    const match = objectAt(object.match, 'entity.match');
    view.match = Object.fromEntries(
      Object.entries(match).map(([column, field]) => [
        column,
        textAt(field, `entity.match.${column}`),
      ]),
    );
  }
  if (object.key !== undefined) {
    view.key = textAt(object.key, 'entity.key');
    if (columns !== undefined && !columns.includes(view.key))
      throw new AssemblyInputError('entity.key', `"${view.key}" is not one of the view's columns`);
  }
  return view;
}
