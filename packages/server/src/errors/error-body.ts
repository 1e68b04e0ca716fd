import { isAllotError } from '@allot/core';
import { CORE_ERROR_STATUS, type ResponseErrorCode } from './error-catalogue.js';
import { HttpError } from './http-error.js';

/** The one JSON shape of every error response. */
export interface ErrorBody {
  status: number;
  code: ResponseErrorCode;
  message: string;
  requestId: string;
  /** The offending field, for validation errors. */
  field?: string;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
  validation?: Array<{ instancePath: string; params: Record<string, unknown>; message?: string }>;
  validationContext?: string;
}

/** Fastify's own error codes that are the client's fault, by our code. */
const FASTIFY_CODES: Record<string, ResponseErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Turns any thrown value into the error body and tells whether it was
 * expected. Unexpected errors get a generic message: their text may hold
 * paths, SQL or stack details that must not reach a client.
 */
export function toErrorBody(
  error: unknown,
  requestId: string,
): { body: ErrorBody; expected: boolean } {
  if (error instanceof HttpError) {
    return {
      body: shape(error.statusCode, error.code, error.message, requestId, error.field),
      expected: true,
    };
  }
  if (isAllotError(error)) {
    const status = CORE_ERROR_STATUS[error.code] ?? 500;
    if (status >= 500)
      return { body: shape(status, error.code, publicMessage(status), requestId), expected: false };
    const field = fieldOfDetails(error.details);
    return { body: shape(status, error.code, error.message, requestId, field), expected: true };
  }
  const fastify = error as FastifyLikeError;
  if (fastify !== null && typeof fastify === 'object' && Array.isArray(fastify.validation)) {
    const first = fastify.validation[0];
    const field =
      first === undefined
        ? (fastify.validationContext ?? 'request')
        : fieldOf(fastify.validationContext, first);
    const missing = typeof first?.params.missingProperty === 'string';
    const message = missing ? `${field} is required` : `${field} ${first?.message ?? 'is invalid'}`;
    return { body: shape(400, 'VALIDATION_FAILED', message, requestId, field), expected: true };
  }
  const status = typeof fastify?.statusCode === 'number' ? fastify.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code =
      FASTIFY_CODES[fastify.code ?? ''] ??
      (status === 404 ? 'ROUTE_NOT_FOUND' : 'VALIDATION_FAILED');
    return { body: shape(status, code, fastify.message, requestId), expected: true };
  }
  return { body: shape(500, 'INTERNAL', publicMessage(500), requestId), expected: false };
}

function shape(
  status: number,
  code: ResponseErrorCode,
  message: string,
  requestId: string,
  field?: string,
): ErrorBody {
  return field === undefined
    ? { status, code, message, requestId }
    : { status, code, message, requestId, field };
}

function publicMessage(status: number): string {
  return status === 503
    ? 'the store is unavailable; try again later'
    : 'internal error; the server log has the details under this request id';
}

/** `body.tests[0].pool` from Ajv's `/tests/0/pool`, naming the missing property of a `required` failure. */
function fieldOf(
  context: string | undefined,
  issue: { instancePath: string; params: Record<string, unknown> },
): string {
  let path = context ?? 'request';
  for (const segment of issue.instancePath.split('/').slice(1)) {
    path += /^\d+$/.test(segment)
      ? `[${segment}]`
      : `.${segment.replaceAll('~1', '/').replaceAll('~0', '~')}`;
  }
  const missing = issue.params.missingProperty;
  if (typeof missing === 'string') path += `.${missing}`;
  const extra = issue.params.additionalProperty;
  if (typeof extra === 'string') path += `.${extra}`;
  return path;
}

/** The field a core error names: its `field`, or the path of a pool's first issue. */
function fieldOfDetails(details: Record<string, unknown>): string | undefined {
  if (typeof details.field === 'string') return details.field;
  const issues = details.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    const path = (issues[0] as { path?: unknown }).path;
    if (typeof path === 'string') return path === '' ? 'body' : `body.${path}`;
  }
  return undefined;
}
