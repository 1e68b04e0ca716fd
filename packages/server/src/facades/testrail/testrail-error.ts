import { isAllotError } from '@allot/core';

/**
 * An answer of the TestRail facade that is not a success: TestRail's status
 * and its error body, `{"error": "<message>"}`.
 */
export class TestRailError extends Error {
  readonly statusCode: number;

  constructor(statusCode: number, message: string) {
    super(message);
    this.name = 'TestRailError';
    this.statusCode = statusCode;
  }
}

/** TestRail's 400 for a field: `Field :<name> …`, as its own messages read. */
export function badField(field: string, message: string): TestRailError {
  return new TestRailError(400, `Field :${field} ${message}`);
}

/**
 * The status and body TestRail clients expect for any error. TestRail
 * answers every invalid input with 400, unknown ids included (its
 * reference lists no 404), and a project the caller cannot see with 403.
 */
export function testRailErrorOf(
  error: unknown,
  idField: string | undefined,
): { status: number; body: { error: string }; expected: boolean } {
  if (error instanceof TestRailError)
    return { status: error.statusCode, body: { error: error.message }, expected: true };
  if (isAllotError(error)) {
    switch (error.code) {
      case 'PROJECT_ACCESS':
        return { status: 403, body: { error: error.message }, expected: true };
      case 'NOT_FOUND':
        return {
          status: 400,
          body: {
            error:
              idField === undefined || 'variable' in error.details
                ? error.message
                : `Field :${idField} is not a valid ID: ${error.message}`,
          },
          expected: true,
        };
      case 'INVALID_INPUT':
      case 'ALREADY_EXISTS':
        return { status: 400, body: { error: error.message }, expected: true };
      case 'STORE_LOCKED':
      case 'STORE_FAILURE':
        return { status: 503, body: { error: error.message }, expected: true };
      default:
        break;
    }
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { status, body: { error: (error as Error).message }, expected: true };
  return { status: 500, body: { error: 'An internal error occurred' }, expected: false };
}
