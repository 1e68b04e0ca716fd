import type { ErrorCode } from '@allot/core';

/** Exit codes of the `allot` command, as documented in the package README. */
export const EXIT = {
  ok: 0,
  /** A test failed, or a lookup found nothing: the command ran, the answer is "no". */
  failed: 1,
  /** The command line or a configuration file is wrong: fix the input and retry. */
  usage: 2,
} as const;

/** Errors in what the user wrote (arguments, pool files, data files), as opposed to the state of the world. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INVALID_INPUT',
  'INVALID_DATA',
  'INVALID_POOL',
  'UNKNOWN_COLUMN',
]);

/** A mistake on the command line that commander cannot see (a bad number, a missing option pair). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command that ran but whose answer is negative (an unknown test, say); its message is for people. */
export class CommandFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailure';
  }
}

/** The exit code of an error that ended a command. */
export async function exitCodeOf(error: unknown): Promise<number> {
  if (error instanceof UsageError) return EXIT.usage;
  // Core is loaded here, not up front: `allot --version` and `--help` never need it.
  const { isAllotError } = await import('@allot/core');
  if (isAllotError(error) && USAGE_CODES.has(error.code)) return EXIT.usage;
  return EXIT.failed;
}
