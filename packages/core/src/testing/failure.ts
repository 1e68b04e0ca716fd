import { AllotError } from '../errors.js';

/** Runs a function expected to throw an AllotError and returns it, for assertions on code and message. */
export function failure(run: () => unknown): AllotError {
  try {
    run();
  } catch (error) {
    if (error instanceof AllotError) return error;
    throw error;
  }
  throw new Error('expected an AllotError');
}
