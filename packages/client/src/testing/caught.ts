import { expect } from 'vitest';
import { AllotClientError } from '../allot-client-error.js';

/** The error a client call rejects with; the test fails unless it is an {@link AllotClientError}. */
export async function caught(promise: Promise<unknown>): Promise<AllotClientError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AllotClientError);
  return error as AllotClientError;
}
