import { statusOf, type ResponseErrorCode } from './error-catalogue.js';

/**
 * An error the server raises on purpose. Its status comes from the catalogue,
 * so a code always answers with the same status.
 */
export class HttpError extends Error {
  readonly code: ResponseErrorCode;
  readonly statusCode: number;
  /** The offending request field, e.g. `body.tests[0].pool`. */
  readonly field: string | undefined;

  constructor(code: ResponseErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.statusCode = statusOf(code);
    this.field = field;
  }
}

/** Shorthand for the common 404 of a resource that is missing or in another workspace. */
export function notFound(message: string): HttpError {
  return new HttpError('NOT_FOUND', message);
}
