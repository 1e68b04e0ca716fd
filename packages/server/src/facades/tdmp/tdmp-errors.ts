import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from '../../errors/error-body.js';

/**
 * TDMP's error shape, `{"detail": "..."}`, on every facade route. The status
 * and message come from the server's one catalogue; only the shape differs,
 * and a body that parses but does not match the route's schema is a 422
 * naming the field, as TDMP answers validation errors (a body that does not
 * parse at all stays a 400). A 401 carries `WWW-Authenticate: Bearer`.
 */
export function installTdmpErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { body, expected } = toErrorBody(error, request.id);
    if (!expected) request.log.error({ err: error, requestId: request.id }, 'unexpected error');
    const status = body.code === 'VALIDATION_FAILED' ? 422 : body.status;
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.status(status).send({ detail: detailOf(body.message, body.field) });
  });
}

function detailOf(message: string, field: string | undefined): string {
  if (field === undefined || message.includes(field)) return message;
  return `${message} (${field})`;
}
