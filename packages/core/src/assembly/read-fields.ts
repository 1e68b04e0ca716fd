import { AssemblyInputError } from './assembly-input-error.js';
import type { NamedVersion } from './assembly-records.js';

/** An object, or INVALID_INPUT naming `field`. */
export function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new AssemblyInputError(field, 'must be an object');
  return value as Record<string, unknown>;
}

/** A non-empty string of at most 200 characters, or INVALID_INPUT naming `field`. */
export function textAt(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new AssemblyInputError(field, 'must be a non-empty string');
  if (value.length > 200) throw new AssemblyInputError(field, 'must be at most 200 characters');
  return value;
}

/** An optional list of non-empty strings, or INVALID_INPUT naming `field`. */
export function textsAt(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new AssemblyInputError(field, 'must be an array of strings');
  return value.map((item, index) => textAt(item, `${field}[${index}]`));
}

/** `{name, version}`, or INVALID_INPUT naming the missing field. */
export function namedVersionAt(value: unknown, field: string): NamedVersion {
  const object = objectAt(value, field);
  return {
    name: textAt(object.name, `${field}.name`),
    version: textAt(object.version, `${field}.version`),
  };
}
