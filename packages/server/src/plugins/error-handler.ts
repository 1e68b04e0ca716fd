import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from '../errors/error-body.js';
import { redactUrl } from './redact-url.js';

/**
 * One JSON error shape on every route, unknown routes included. Set on the
 * root instance, so every plugin inherits it.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => {
    const path = redactUrl(request.url.split('?')[0] ?? '');
    return reply.status(404).send({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      message: `no route ${request.method} ${path}; the API is described at /openapi.json`,
      requestId: request.id,
    });
  });
}

/**
 * For fastify's `frameworkErrors` option: errors raised before routing (a
 * malformed percent-escape, an over-long parameter), which never reach the
 * error handler, answer in the same shape.
 */
export function sendFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendError(error, request, reply);
}

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { body, expected } = toErrorBody(error, request.id);
  if (!expected) request.log.error({ err: error, requestId: request.id }, 'unexpected error');
  return reply.status(body.status).send(body);
}
