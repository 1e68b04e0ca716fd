import type { DatasetValuesInput } from '@allot/use-cases';
import { TestRailError } from './testrail-error.js';

/** The name and values of an add_dataset or update_dataset body. */
export interface TestRailDatasetBody {
  name: unknown;
  values: DatasetValuesInput;
}

const RESERVED = new Set(['id', 'name', 'variables']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a dataset body in each shape the reference shows: `variables` as a
 * list of `{id?, name?, value}` (as get_dataset answers), `variables` as an
 * object of name → value, and name → value pairs beside `name` ("Key
 * should be the variable name"). `id` in the body is ignored: the path
 * names the project or dataset.
 *
 * @throws TestRailError 400 for a body that is not an object, or a malformed `variables`
 */
export function readDatasetBody(body: unknown): TestRailDatasetBody {
  if (!isObject(body)) throw new TestRailError(400, 'The request body must be a JSON object.');
  const byName: Record<string, unknown> = {};
  const byId: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!RESERVED.has(key)) byName[key] = value;
  const { variables } = body;
  if (Array.isArray(variables)) {
    variables.forEach((entry: unknown, index) => {
      if (!isObject(entry) || !('value' in entry))
        throw new TestRailError(
          400,
          `Field :variables[${index}] must be an object with a name (or id) and a value.`,
        );
      if (typeof entry.name === 'string') byName[entry.name] = entry.value;
      else if (typeof entry.id === 'number' && Number.isInteger(entry.id))
        byId[String(entry.id)] = entry.value;
      else
        throw new TestRailError(400, `Field :variables[${index}] names no variable (name or id).`);
    });
  } else if (isObject(variables)) {
    Object.assign(byName, variables);
  } else if (variables !== undefined) {
    throw new TestRailError(400, 'Field :variables must be a list or an object.');
  }
  return { name: body.name, values: { byName, byId } };
}
