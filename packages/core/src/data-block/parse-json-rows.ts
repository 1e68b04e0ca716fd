import { AllotError } from '../errors.js';
import type { RowValues, Table, Value } from '../model/block-version.js';

/**
 * Parses a JSON array of flat objects into a table. Columns are the keys in
 * the order they are first seen across all rows; a row without a key gets
 * `null` there. Values must be strings, numbers, booleans or null.
 *
 * @param source - the file name, used to start every error message
 * @throws AllotError `INVALID_DATA` for invalid JSON, anything but a non-empty
 *   array of objects, an empty key, or a nested value (naming it, as `[12].address`)
 */
export function parseJsonRows(input: string, source: string): Table {
  const items = readArray(input, source);
  const objects = items.map((item, index) => checkRow(item, index, source));
  const columns = collectColumns(objects, source);
  const rows = objects.map((object) => toRow(object, columns));
  return { columns, rows };
}

function readArray(input: string, source: string): unknown[] {
  let parsed: unknown;
  try {
    // A BOM is legal in a UTF-8 file but not in JSON.parse's input.
    parsed = JSON.parse(input.startsWith('\ufeff') ? input.slice(1) : input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(source, `invalid JSON: ${reason}`, {}, error);
  }
  if (!Array.isArray(parsed)) {
    throw invalid(source, `expected a JSON array of row objects, got ${describeType(parsed)}`);
  }
  if (parsed.length === 0) throw invalid(source, 'the array has no rows');
  return parsed;
}

function checkRow(item: unknown, index: number, source: string): Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw invalid(source, `[${index}]: expected an object, got ${describeType(item)}`, {
      path: `[${index}]`,
    });
  }
  for (const [key, value] of Object.entries(item)) {
    if (key.trim() === '') {
      throw invalid(source, `[${index}]: a key is empty; every column needs a name`, {
        path: `[${index}]`,
      });
    }
    if (!isValue(value)) {
      const path = `[${index}].${key}`;
      throw invalid(
        source,
        `${path}: expected a string, number, boolean or null, got ${describeType(value)}`,
        { path },
      );
    }
  }
  return item as Record<string, unknown>;
}

function collectColumns(objects: Record<string, unknown>[], source: string): string[] {
  const columns = new Set<string>();
  for (const object of objects) {
    for (const key of Object.keys(object)) columns.add(key);
  }
  if (columns.size === 0) throw invalid(source, 'no row has any key, so there are no columns');
  return [...columns];
}

function toRow(object: Record<string, unknown>, columns: string[]): RowValues {
  // Own properties only: a key such as "constructor" must not reach the prototype.
  return columns.map((column) =>
    Object.hasOwn(object, column) ? (object[column] as Value) : null,
  );
}

function isValue(value: unknown): value is Value {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function invalid(
  source: string,
  message: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): AllotError {
  const options = cause === undefined ? undefined : { cause };
  return new AllotError('INVALID_DATA', `${source}: ${message}`, { source, ...details }, options);
}
