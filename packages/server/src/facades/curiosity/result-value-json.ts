import type { ResultRecord, Value } from '@allot/core';

/** The content type of a `result/value` answer, sent with the string as it is. */
export const RESULT_VALUE_TYPE = 'application/json; charset=utf-8';

/**
 * The serialised answer of `result/value`, per result record. Records are
 * immutable (a new job or a release writes new ones), so the answer is built
 * once however often a suite reads it: the route is called once per test, in
 * every worker, on every retry.
 */
const flatJson = new WeakMap<ResultRecord, string>();

/** A result's first row as the JSON of a flat `{column: value}` object of strings. */
export function resultValueJson(result: ResultRecord): string {
  let json = flatJson.get(result);
  if (json === undefined) {
    json = JSON.stringify(flatStrings(result));
    flatJson.set(result, json);
  }
  return json;
}

function flatStrings(result: ResultRecord): Record<string, string> {
  const row = result.rows[0];
  const flat: Record<string, string> = {};
  if (row === undefined) return flat;
  for (const column of result.columns) flat[column] = asString(row[column] ?? null);
  return flat;
}

function asString(value: Value): string {
  return value === null ? '' : String(value);
}
