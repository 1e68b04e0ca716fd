/**
 * Every error allot raises on purpose carries a stable `code` from
 * {@link ERROR_CODES}. Surfaces (server, CLI, action) map codes, never
 * messages, to their own statuses.
 */

export const ERROR_CODES = {
  INVALID_INPUT: 'The input is malformed or breaks a rule; the message names the field.',
  INVALID_DATA: 'An imported file (CSV or JSON) cannot become a data block.',
  INVALID_POOL: 'A pool file or pool definition does not match the pool schema.',
  UNKNOWN_COLUMN: 'A find, make or column list names a column the data block does not have.',
  NOT_FOUND: 'A pool, data block, version, job or result does not exist.',
  LEASE_CONFLICT:
    'Rows chosen for a job were leased, or its tests allocated, by another job before it committed.',
  DUPLICATE_KEY: 'A row would repeat a key value that the data block already has.',
  STORE_LOCKED: 'Another process holds the embedded store of this data directory.',
  STORE_CORRUPT: 'A store file cannot be read or parsed.',
  STORE_FAILURE: 'The store could not complete an operation; nothing was written.',
  MAKE_FAILED: 'A make could not produce a row that satisfies its find.',
  QUOTA_EXCEEDED:
    'A make waited for its quota (makes per window, or at once) longer than the quota allows.',
  CATALOGUE_LOCKED:
    'A catalogue record is locked by someone else; `holder` names who. An admin may force it.',
  LOCK_REQUIRED:
    'The change needs the record locked by the caller first (a coverage set before it or its rules change).',
  PROJECT_ACCESS:
    'The caller is not a member of the project, or its role there does not allow the change.',
  ALREADY_EXISTS:
    'A record with this name (and version) already exists; `field` names what clashes.',
  VERSION_CONFLICT:
    'A put expected another latest version of the record: someone else put a version first.',
  IN_USE:
    'The record cannot be deleted while another record uses it; the message names the first user.',
  INVALID_SCHEMA:
    'A JSON Schema or XSD cannot be read: malformed, or a `$ref` or type it names does not exist.',
  UNSUPPORTED_SCHEMA:
    'A schema uses a construct synthetic generation does not support; the message names it.',
  INVALID_CONSTRAINTS:
    'A constraint set names an unknown field or entity, or a constraint the field cannot take.',
  CONSTRAINT_CONFLICT:
    'The schema and constraints cannot all hold for the records asked for (an empty range, too few unique values).',
  INTEGRATION_FAILED:
    "An integration's remote end (an S3 bucket) cannot be reached or refused the request; the message says why.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Base class of allot's errors. */
export class AllotError extends Error {
  readonly code: ErrorCode;
  /** Structured detail for machine readers (e.g. the offending path). */
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AllotError';
    this.code = code;
    this.details = details;
  }
}

/** One problem found while validating input, located by a path such as `tests[3].find.where.balance`. */
export interface Issue {
  path: string;
  message: string;
  /** 1-based line in the source file, when known. */
  line?: number;
}

/** Invalid pool definitions or pool files: every issue with its path. */
export class PoolValidationError extends AllotError {
  readonly issues: Issue[];
  readonly file: string | null;

  constructor(file: string | null, issues: Issue[]) {
    const where = file ?? 'pool';
    const lines = issues.map((issue) => {
      const line = issue.line === undefined ? '' : `:${issue.line}`;
      return `  ${where}${line}: ${issue.path || '(root)'}: ${issue.message}`;
    });
    super('INVALID_POOL', `Invalid pool definition in ${where}:\n${lines.join('\n')}`, {
      file,
      issues,
    });
    this.name = 'PoolValidationError';
    this.issues = issues;
    this.file = file;
  }
}

/**
 * Rows chosen for a job were taken by another job first, or tests it
 * allocated are held by another live job that committed first (one job
 * holds a test's result at a time); the engine plans again.
 */
export class LeaseConflictError extends AllotError {
  constructor(rows: string[], tests: string[] = []) {
    const message =
      tests.length > 0
        ? `${tests.length} test(s) were allocated by another job first`
        : `${rows.length} row(s) were leased by another job first`;
    super('LEASE_CONFLICT', message, { rows, tests });
    this.name = 'LeaseConflictError';
  }
}

export function isAllotError(error: unknown): error is AllotError {
  return error instanceof AllotError;
}
