import { AllotError, isAllotError } from '@allot/core';

/** SQLSTATE codes the store reacts to. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** The SQLSTATE of a driver error, if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length === 5 ? code : undefined;
}

/** The constraint a driver error names, if any. */
export function constraintOf(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/** allot's own errors pass through; anything else becomes STORE_FAILURE with the cause kept. */
export function storeFailure(error: unknown, operation: string): AllotError {
  if (isAllotError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AllotError(
    'STORE_FAILURE',
    `the postgres store could not ${operation}: ${message}`,
    {},
    { cause: error },
  );
}
