import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_WORKSPACE } from '@allot/core';
import { logIn, revokeSession, type LoginRefusal } from '@allot/use-cases';
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
  /** The TOTP code of a user with two-factor authentication (allot's choice of name). */
  otp: Type.Optional(Type.String({ maxLength: 20 })),
});

const REFUSALS: Record<LoginRefusal, string> = {
  credentials: 'Incorrect username or password',
  otp_required: 'Two-factor code required',
  otp_invalid: 'Incorrect two-factor code',
};

/** `POST /users/token` (log in) and `GET /users/logout`. */
export const tdmpSessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;

  app.post('/users/token', { schema: { hide, body: TokenForm } }, async (request, reply) => {
    const { store, clock, sessions, loginThrottle } = contextOf(app);
    const { username, password, tenant, otp } = request.body;
    const workspace = tenant ?? DEFAULT_WORKSPACE;
    const attempt = { workspace, user: username, password, otp, ip: request.ip };
    const outcome = await logIn(store, loginThrottle, attempt, clock());
    if (outcome.kind === 'throttled') {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
      throw new HttpError(
        'RATE_LIMITED',
        `Too many failed logins; retry in ${outcome.retryAfterSeconds} s`,
      );
    }
    if (outcome.kind === 'refused') {
      // A client that can ask for the code tells the two answers apart by this header too.
      if (outcome.reason === 'otp_required') reply.header('x-allot-otp', 'required');
      throw new HttpError('UNAUTHORIZED', REFUSALS[outcome.reason]);
    }
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
