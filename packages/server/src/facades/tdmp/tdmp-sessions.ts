import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_WORKSPACE } from '@allot/core';
import { logIn, revokeSession } from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { HttpError } from '../../errors/http-error.js';
import { recordSessionEvent } from '../../session-events.js';
import { tdmpCaller } from './tdmp-auth.js';

/**
 * The login form: OAuth2's password form as TDMP takes it. `tenant` is
 * allot's addition for users outside the default workspace; the form's
 * other OAuth2 fields (`grant_type`, `scope`, `client_id`) are accepted and
 * ignored.
 */
const TokenForm = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

/** `POST /users/token` (log in) and `GET /users/logout`. */
export const tdmpSessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;

  app.post('/users/token', { schema: { hide, body: TokenForm } }, async (request, reply) => {
    const { store, clock, sessions, loginThrottle } = contextOf(app);
    const { username, password, tenant } = request.body;
    const workspace = tenant ?? DEFAULT_WORKSPACE;
    const attempt = { workspace, user: username, password, ip: request.ip };
    const outcome = await logIn(store, loginThrottle, attempt, clock());
    if (outcome.kind === 'throttled') {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
      throw new HttpError(
        'RATE_LIMITED',
        `Too many failed logins; retry in ${outcome.retryAfterSeconds} s`,
      );
    }
    if (outcome.kind === 'refused')
      throw new HttpError('UNAUTHORIZED', 'Incorrect username or password');
    const session = await sessions.issue(outcome.user.id, outcome.user.workspace, clock());
    await recordSessionEvent(app, 'session.login', session, request.ip);
    return { access_token: session.token, token_type: 'bearer' };
  });

  app.get('/users/logout', { config: { role: 'viewer' }, schema: { hide } }, async (request) => {
    const { session } = tdmpCaller(request);
    const { store, clock } = contextOf(app);
    await revokeSession(store, { ...session, expiresAt: session.expiresAt.toISOString() }, clock());
    await recordSessionEvent(app, 'session.logout', session, request.ip);
    return { detail: 'Logged out' };
  });
};
