import type { FastifyRequest } from 'fastify';

/**
 * A `preValidation` hook for routes whose body is optional: a request
 * with no body is checked as `{}`, since fastify validates the body
 * schema even when none came (a bare `POST …/lock` is the common call).
 */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}
