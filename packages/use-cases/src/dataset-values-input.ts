import { AllotError, checkDatasetValue, type VariableRecord } from '@allot/core';

/** Values to set, by variable name and, for clients that send ids, by variable id. */
export interface DatasetValuesInput {
  byName?: Readonly<Record<string, unknown>>;
  byId?: Readonly<Record<string, unknown>>;
}

/**
 * Values given by variable name or id, checked and keyed by variable id as
 * the store keeps them.
 *
 * @throws AllotError `INVALID_INPUT` naming `variables.<name or id>` for a variable the project lacks or a value that is not a string or too long
 */
export function valuesByVariableId(
  input: DatasetValuesInput,
  variables: readonly VariableRecord[],
): Record<string, string> {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const byId = new Map(variables.map((v) => [String(v.id), v]));
  const out: Record<string, string> = {};
  const take = (key: string, value: unknown, variable: VariableRecord | undefined) => {
    const field = `variables.${key}`;
    if (variable === undefined)
      throw new AllotError('INVALID_INPUT', `${field}: the project has no variable "${key}"`, {
        field,
      });
    out[String(variable.id)] = checkDatasetValue(value, field);
  };
  for (const [name, value] of Object.entries(input.byName ?? {}))
    take(name, value, byName.get(name));
  for (const [id, value] of Object.entries(input.byId ?? {})) take(id, value, byId.get(id));
  return out;
}
