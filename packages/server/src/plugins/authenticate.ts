import type { Role } from '@allot/core';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
} from 'fastify';
import { areUserSessionsRevoked, isSessionRevoked } from '@allot/use-cases';
import { sessionContextOf, type AuthContext } from '../auth/auth-context.js';
import { looksLikeJwt } from '../auth/session-tokens.js';
import { KEY_PREFIX } from '../auth/api-key.js';
import type { KnownKeys } from '../auth/known-keys.js';
import { roleAllows } from '../auth/roles.js';
import { HttpError } from '../errors/http-error.js';
import type { RateLimiter } from './rate-limit.js';
import { contextOf } from '../app-context.js';
import { hooksOf } from './route-hooks.js';

/**
 * Checks the API key of every route that declares a `role` in its config:
 * from the Curiosity path segment, `Authorization: Bearer`, or `x-api-key`.
 * The key record is read on every request, so a revocation takes effect on
 * the next one, on every replica. Also counts the request against the key's
 * rate limit (or the address's, when no valid key came): one hook instead of
 * two, since every request of a suite passes here. The hook joins each route
 * that declares a role when it is declared, with the role fixed then: a
 * public route runs no hook, and a guarded one reads no route options.
 * `keys` remembers the keys checked, shared with the `result/value` fast path.
 */
export function installAuthentication(
  app: FastifyInstance,
  keys: KnownKeys,
  limiter: RateLimiter | undefined,
): void {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    const role = route.config?.role;
    if (role === undefined) return;
    const superUserOnly = route.config?.superUser === true;
    const authenticate: onRequestAsyncHookHandler = async (request, reply) => {
      const caller = await presentedCaller(app, keys, limiter, request, reply);
      checkRole(caller, role, superUserOnly);
      request.auth = caller;
    };
    route.onRequest = [authenticate, ...hooksOf(route.onRequest)];
  });
}

/** The caller of a request to a guarded route; throws 401 (or 429) when there is none. */
async function presentedCaller(
  app: FastifyInstance,
  keys: KnownKeys,
  limiter: RateLimiter | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AuthContext> {
  const presented = credentialOf(request);
  if (presented === undefined) {
    limit(limiter, `ip:${request.ip}`, reply);
    throw new HttpError(
      'UNAUTHORIZED',
      'an API key or session is required: send "Authorization: Bearer <key or token>" or "x-api-key: <key>"',
    );
  }
  if (!presented.startsWith(KEY_PREFIX) && looksLikeJwt(presented)) {
    const caller = await sessionCaller(app, request, presented);
    if (caller === undefined) {
      limit(limiter, `ip:${request.ip}`, reply);
      throw new HttpError(
        'UNAUTHORIZED',
        'the session is not valid (expired, logged out, or its user deactivated): log in again',
      );
    }
    limit(limiter, `user:${caller.workspace}/${caller.user}`, reply);
    return caller;
  }
  const { store } = contextOf(app);
  const read = (id: string) => store.findApiKey(id);
  let key = keys.get(presented);
  if (key !== undefined && !keys.stillGrants(presented, key, await read(key.id))) key = undefined;
  key ??= await keys.verify(presented, read);
  // Same answer for a malformed, unknown, wrong or revoked key: nothing to probe.
  if (key === undefined) {
    limit(limiter, `ip:${request.ip}`, reply);
    throw new HttpError('UNAUTHORIZED', 'the API key is not valid (unknown, revoked or mistyped)');
  }
  limit(limiter, key.bucket, reply);
  const asked = workspaceAsked(request);
  if (asked !== undefined && asked !== key.caller.workspace)
    throw new HttpError('FORBIDDEN', 'only a SuperUser may act in another workspace');
  return key.caller;
}

function checkRole(caller: AuthContext, role: Role, superUserOnly: boolean): void {
  if (superUserOnly && !caller.superUser)
    throw new HttpError('FORBIDDEN', 'this operation needs a SuperUser');
  if (!roleAllows(caller.role, role)) {
    const holder = caller.session === null ? 'the key' : 'the user';
    throw new HttpError(
      'FORBIDDEN',
      `this operation needs the ${role} role; ${holder} has ${caller.role}`,
    );
  }
}

/** The workspace a SuperUser asks to act in, by header. */
function workspaceAsked(request: FastifyRequest): string | undefined {
  const header = request.headers['x-allot-workspace'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

/**
 * The caller of a session token, or undefined when the token is invalid,
 * expired, revoked, or its user is gone or deactivated. The user and the
 * revocation are read on every request, so a logout or deactivation on any
 * replica takes effect on the next request everywhere.
 */
async function sessionCaller(
  app: FastifyInstance,
  request: FastifyRequest,
  token: string,
): Promise<AuthContext | undefined> {
  const { store, sessions, clock } = contextOf(app);
  const claims = await sessions.verify(token, clock());
  if (claims === undefined) return undefined;
  if (await isSessionRevoked(store, claims.workspace, claims.id)) return undefined;
  if (await areUserSessionsRevoked(store, claims)) return undefined;
  const user = await store.getUser(claims.workspace, claims.user);
  if (user === undefined || user.active === false) return undefined;
  const asked = workspaceAsked(request);
  if (asked === undefined || asked === claims.workspace)
    return sessionContextOf(user, claims, claims.workspace);
  if (user.superUser !== true)
    throw new HttpError('FORBIDDEN', 'only a SuperUser may act in another workspace');
  if ((await store.getWorkspace(asked)) === undefined)
    throw new HttpError(
      'NOT_FOUND',
      `workspace "${asked}" does not exist`,
      'headers.x-allot-workspace',
    );
  return sessionContextOf(user, claims, asked);
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
