import { AllotError } from '../errors.js';

/** An `INVALID_INPUT` error located at a path in the pool file, which starts its message. */
export function invalidInput(path: string, message: string): AllotError {
  return new AllotError('INVALID_INPUT', `${path}: ${message}`, { path });
}

/** How a value reads in a message: `a string`, `an array`, `null`, … */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}

/** True for `{…}`, the shape of a where or a column condition; false for arrays and null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
