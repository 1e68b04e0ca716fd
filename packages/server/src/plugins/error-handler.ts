import type { FastifyInstance } from 'fastify';
import { toErrorBody } from '../errors/error-body.js';
import { redactUrl } from './redact-url.js';

/**
 * One JSON error shape on every route, unknown routes included. Set on the
 * root instance, so every plugin inherits it.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { body, expected } = toErrorBody(error, request.id);
    if (!expected) request.log.error({ err: error, requestId: request.id }, 'unexpected error');
    return reply.status(body.status).send(body);
  });
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
