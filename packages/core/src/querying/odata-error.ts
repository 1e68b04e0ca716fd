import { AllotError } from '../errors.js';

/** A query option that cannot be run: `INVALID_INPUT` naming the option and what in it is wrong. */
export function odataError(option: string, message: string, details: object = {}): AllotError {
  return new AllotError('INVALID_INPUT', `${option}: ${message}`, { field: option, ...details });
}
