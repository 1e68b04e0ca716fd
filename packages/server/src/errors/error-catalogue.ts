import type { ErrorCode } from '@allot/core';

/** An error code the server answers with, its HTTP status and what it means. */
export interface CatalogueEntry {
  status: number;
  description: string;
}

/**
 * The one mapping from core error codes to HTTP statuses. Typed as a full
 * record so that a code added to the core fails the build until it is mapped
 * here (and a test checks the same at run time).
 */
export const CORE_ERROR_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  INVALID_DATA: 400,
  INVALID_POOL: 400,
  UNKNOWN_COLUMN: 400,
  NOT_FOUND: 404,
  LEASE_CONFLICT: 409,
  DUPLICATE_KEY: 409,
  VERSION_CONFLICT: 409,
  IN_USE: 409,
  ALREADY_EXISTS: 409,
  PROJECT_ACCESS: 403,
  CATALOGUE_LOCKED: 423,
  LOCK_REQUIRED: 409,
  MAKE_FAILED: 422,
  QUOTA_EXCEEDED: 429,
  INVALID_SCHEMA: 422,
  UNSUPPORTED_SCHEMA: 422,
  INVALID_CONSTRAINTS: 422,
  CONSTRAINT_CONFLICT: 422,
  INTEGRATION_FAILED: 502,
  STORE_CORRUPT: 500,
  STORE_LOCKED: 503,
  STORE_FAILURE: 503,
};

/** Codes the server raises itself, for what the core knows nothing of (keys, HTTP limits). */
export const SERVER_ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    description: 'The request does not match the route schema; `field` names the offending part.',
  },
  MALFORMED_BODY: {
    status: 400,
    description:
      'The body does not parse as its Content-Type says: invalid or empty JSON, a garbled multipart body, a length that does not match Content-Length.',
  },
  BODY_TOO_DEEP: {
    status: 400,
    description: 'A JSON or YAML body nests arrays or objects deeper than 64 levels.',
  },
  BAD_URL: {
    status: 400,
    description: 'The path holds a malformed percent-escape.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    description: 'The HTTP request itself is malformed: its request line or a header line.',
  },
  UNAUTHORIZED: {
    status: 401,
    description:
      'No API key or session token; an unknown, malformed or revoked key; a wrong user or password; an expired or logged-out session, or one whose user was deactivated.',
  },
  FORBIDDEN: {
    status: 403,
    description:
      "The key's or user's role does not allow this operation, or it needs a SuperUser (workspaces, another workspace, a SuperUser's account).",
  },
  ROUTE_NOT_FOUND: { status: 404, description: 'No route has this method and path.' },
  UNKNOWN_SERVER: {
    status: 404,
    description:
      'The resolution server named does not exist and server names are strict (`--strict-server-names`); the message lists the known ones.',
  },
  CONFLICT: { status: 409, description: 'The resource already exists.' },
  INVITATION_INVALID: {
    status: 410,
    description:
      'The invitation token is unknown, used already, or expired (one answer for all three): ask an admin for a new one.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    description: 'The request body is larger than the limit of its route.',
  },
  URI_TOO_LONG: {
    status: 414,
    description: 'A path parameter is longer than 2000 characters.',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    description: 'The request did not arrive in full in time.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    description: 'The route does not accept this Content-Type.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    description: 'The request headers are larger than the server accepts (16 KiB by default).',
  },
  RATE_LIMITED: {
    status: 429,
    description:
      'Too many requests for this key, or too many failed logins for this user or address; retry after the `retry-after` header.',
  },
  INTERNAL: {
    status: 500,
    description: 'An unexpected error; the log has it under the request id.',
  },
  UNAVAILABLE: {
    status: 503,
    description: 'The server is shutting down or its store is unavailable.',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;

/** Every code a response may carry, core codes included. */
export type ResponseErrorCode = ErrorCode | ServerErrorCode;

/** The HTTP status of a core or server error code. */
export function statusOf(code: ResponseErrorCode): number {
  if (Object.hasOwn(SERVER_ERRORS, code)) return SERVER_ERRORS[code as ServerErrorCode].status;
  return CORE_ERROR_STATUS[code as ErrorCode];
}
