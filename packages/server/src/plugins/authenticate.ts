import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authContextOf } from '../auth/auth-context.js';
import { parseKey } from '../auth/api-key.js';
import { VerifiedSecrets } from '../auth/verified-secrets.js';
import { roleAllows } from '../auth/roles.js';
import { HttpError } from '../errors/http-error.js';
import type { RateLimiter } from './rate-limit.js';
import { contextOf } from '../app-context.js';

/**
 * Checks the API key of every route that declares a `role` in its config:
 * from the Curiosity path segment, `Authorization: Bearer`, or `x-api-key`.
 * The key record is read on every request, so a revocation takes effect on
 * the next one. Also counts the request against the key's rate limit (or
 * the address's, when no valid key came): one hook instead of two, since
 * every request of a suite passes here.
 */
export function installAuthentication(
  app: FastifyInstance,
  limiter: RateLimiter | undefined,
): void {
  const verified = new VerifiedSecrets();
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    const role = request.routeOptions.config.role;
    if (role === undefined) return;
    const presented = credentialOf(request);
    if (presented === undefined) {
      limit(limiter, `ip:${request.ip}`, reply);
      throw new HttpError(
        'UNAUTHORIZED',
        'an API key is required: send "Authorization: Bearer <key>" or "x-api-key: <key>"',
      );
    }
    const parsed = parseKey(presented);
    const record =
      parsed === undefined ? undefined : await contextOf(app).store.findApiKey(parsed.id);
    // Same answer for a malformed, unknown, wrong or revoked key: nothing to probe.
    if (
      parsed === undefined ||
      record === undefined ||
      record.revokedAt !== null ||
      !verified.matches(parsed.secret, record.secretHash)
    ) {
      limit(limiter, `ip:${request.ip}`, reply);
      throw new HttpError(
        'UNAUTHORIZED',
        'the API key is not valid (unknown, revoked or mistyped)',
      );
    }
    limit(limiter, `key:${record.id}`, reply);
    if (!roleAllows(record.role, role)) {
      throw new HttpError(
        'FORBIDDEN',
        `this operation needs the ${role} role; the key has ${record.role}`,
      );
    }
    request.auth = authContextOf(record);
  });
}

function limit(limiter: RateLimiter | undefined, bucket: string, reply: FastifyReply): void {
  if (limiter === undefined) return;
  const retryAfter = limiter.take(bucket);
  if (retryAfter === 0) return;
  reply.header('retry-after', String(retryAfter));
  throw new HttpError(
    'RATE_LIMITED',
    `more than ${limiter.max} requests in ${limiter.windowMs / 1000} s for this key; retry in ${retryAfter} s`,
  );
}

function credentialOf(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, string | undefined> | undefined;
  if (typeof params?.apiKey === 'string' && params.apiKey !== '') return params.apiKey;
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match !== null) return match[1];
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey !== '' ? apiKey : undefined;
}

/** The caller of a route that declares a role; the hook guarantees it is set. */
export function callerOf(request: FastifyRequest) {
  if (request.auth === null) throw new HttpError('UNAUTHORIZED', 'an API key is required');
  return request.auth;
}
