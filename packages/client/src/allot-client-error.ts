import type { TestRef } from '@allot/protocol';

/**
 * Codes the client raises itself; any other code is the server's own
 * (`NOT_FOUND`, `UNAUTHORIZED`, …) as its error body carries it.
 */
export type ClientErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'BAD_RESPONSE'
  | 'JOB_FAILED'
  | 'JOB_TIMEOUT'
  | 'INVALID_INPUT'
  | 'RESULTS_FILE'
  | 'NO_ALLOCATION'
  | 'UNKNOWN_COLUMN';

/** Everything the client and the results file reader throw. */
export class AllotClientError extends Error {
  override readonly name = 'AllotClientError';
  /** The HTTP status, or undefined when no response came (network, timeout) or no server was involved. */
  readonly status: number | undefined;
  /** A {@link ClientErrorCode} or the server's error code. */
  readonly code: string;
  /** The test the failing call was about, when it was about one. */
  readonly ref: TestRef | undefined;

  constructor(input: {
    code: string;
    message: string;
    status?: number;
    ref?: TestRef;
    cause?: unknown;
  }) {
    super(input.message, input.cause === undefined ? undefined : { cause: input.cause });
    this.code = input.code;
    this.status = input.status;
    this.ref = input.ref;
  }
}

/** True for errors thrown by this package, whichever copy of it threw them. */
export function isAllotClientError(error: unknown): error is AllotClientError {
  return (
    error instanceof Error &&
    error.name === 'AllotClientError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}
