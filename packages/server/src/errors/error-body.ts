import { isAllotError } from '@allot/core';
import type { ErrorBody as WireErrorBody } from '@allot/protocol';
import { CORE_ERROR_STATUS, statusOf, type ResponseErrorCode } from './error-catalogue.js';
import { HttpError } from './http-error.js';

/** The one JSON shape of every error response (protocol's `ErrorBody`), its code from the catalogue. */
export type ErrorBody = Omit<WireErrorBody, 'code'> & { code: ResponseErrorCode };

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
  validation?: Array<{ instancePath: string; params: Record<string, unknown>; message?: string }>;
  validationContext?: string;
}

/** Our code and message for each error fastify and its plugins raise for a bad request. */
const FRAMEWORK_ERRORS: Record<string, { code: ResponseErrorCode; message: string }> = {
  FST_ERR_BAD_URL: { code: 'BAD_URL', message: 'the path holds a malformed percent-escape' },
  FST_ERR_INVALID_URL: { code: 'BAD_URL', message: 'the URL is malformed' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', message: 'a path parameter is too long' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'the body is larger than this route accepts',
  },
  FST_REQ_FILE_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'the file is larger than this route accepts',
  },
  FST_PARTS_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: 'the multipart body has too many parts' },
  FST_FILES_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: 'send one file per request' },
  FST_FIELDS_LIMIT: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'the multipart body has too many fields',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'this route does not accept a body of this Content-Type',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'the request is not multipart/form-data',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'MALFORMED_BODY',
    message: 'the body length does not match Content-Length',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_BODY',
    message: 'the body is empty but its Content-Type is application/json',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_BODY',
    message: 'the body is not valid JSON (or sets __proto__ or constructor.prototype)',
  },
  FST_PROTO_VIOLATION: {
    code: 'MALFORMED_BODY',
    message: 'a multipart field may not be named __proto__',
  },
  FST_INVALID_JSON_FIELD_ERROR: {
    code: 'MALFORMED_BODY',
    message: 'a multipart field declared as JSON is not valid JSON',
  },
  FST_MP_PREMATURE_CLOSE: {
    code: 'MALFORMED_BODY',
    message: 'the multipart body ended before its closing boundary',
  },
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'the request needs a Content-Type',
  },
  FST_ERR_ROUTE_MISSING_CONTENT: { code: 'MALFORMED_BODY', message: 'the request needs a body' },
  FST_ERR_VALIDATION: {
    code: 'VALIDATION_FAILED',
    message: 'the request does not match the route schema',
  },
  FST_ERR_NOT_FOUND: { code: 'ROUTE_NOT_FOUND', message: 'no route has this method and path' },
  FST_ERR_HANDLER_TIMEOUT: { code: 'UNAVAILABLE', message: 'the request took too long' },
};

/** For a client error fastify raises that the table above lacks: a code by its status. */
const CODE_BY_STATUS: Record<number, ResponseErrorCode> = {
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
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
    // A remote end's refusal is the caller's to act on (a wrong key, a missing bucket): say it.
    if (status >= 500 && error.code !== 'INTEGRATION_FAILED')
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
  return frameworkErrorBody(fastify, requestId);
}

/**
 * A framework error in the catalogue's shape, with our message: the
 * framework's text names its internals, and a parser's may quote the body.
 */
function frameworkErrorBody(
  error: FastifyLikeError | null | undefined,
  requestId: string,
): { body: ErrorBody; expected: boolean } {
  const frameworkCode = error?.code ?? '';
  const known = Object.hasOwn(FRAMEWORK_ERRORS, frameworkCode)
    ? FRAMEWORK_ERRORS[frameworkCode]
    : undefined;
  if (known !== undefined) {
    const status = statusOf(known.code);
    return { body: shape(status, known.code, known.message, requestId), expected: status < 500 };
  }
  const status = typeof error?.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    // Unmapped, so logged as unexpected: it belongs in the table above.
    const code = CODE_BY_STATUS[status] ?? 'MALFORMED_BODY';
    const body = shape(statusOf(code), code, 'the request is malformed', requestId);
    return { body, expected: false };
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
