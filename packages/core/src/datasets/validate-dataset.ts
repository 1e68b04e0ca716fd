import { AllotError } from '../errors.js';

/** The longest dataset or variable name. */
export const MAX_DATASET_NAME_LENGTH = 250;
/** The longest value of a variable in a dataset. */
export const MAX_DATASET_VALUE_LENGTH = 10_000;

// Control characters would break the parameter tables names and values are exported to.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function invalid(field: string, message: string): AllotError {
  return new AllotError('INVALID_INPUT', `${field}: ${message}`, { field });
}

/**
 * A dataset or variable name as given, checked: a string of 1 to 250
 * characters, no surrounding spaces, no control characters.
 *
 * @throws AllotError `INVALID_INPUT` naming `field` otherwise
 */
export function checkDatasetName(name: unknown, field: string): string {
  if (typeof name !== 'string') throw invalid(field, `expected a string, got ${typeOf(name)}`);
  if (name.trim() === '') throw invalid(field, 'the name is empty');
  if (name !== name.trim()) throw invalid(field, 'the name starts or ends with spaces');
  if (name.length > MAX_DATASET_NAME_LENGTH)
    throw invalid(field, `the name is longer than ${MAX_DATASET_NAME_LENGTH} characters`);
  if (CONTROL.test(name)) throw invalid(field, 'the name holds a control character');
  return name;
}

/**
 * A variable's value, checked: a string of at most 10,000 characters.
 * Numbers are refused rather than converted, as TestRail does.
 *
 * @throws AllotError `INVALID_INPUT` naming `field` otherwise
 */
export function checkDatasetValue(value: unknown, field: string): string {
  if (typeof value !== 'string')
    throw invalid(field, `values must be strings, got ${typeOf(value)}`);
  if (value.length > MAX_DATASET_VALUE_LENGTH)
    throw invalid(field, `the value is longer than ${MAX_DATASET_VALUE_LENGTH} characters`);
  return value;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
