import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_WORKSPACE } from '@allot/core';
import { LoginBody, SessionSchema, UserSchema, withErrors } from '@allot/protocol';
import { accountRoleOf, logIn, readUser, revokeSession, type LoginRefusal } from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../app-context.js';
import { HttpError } from '../errors/http-error.js';
import { callerOf } from '../plugins/authenticate.js';
import { recordSessionEvent } from '../session-events.js';
import { userView } from './user-view.js';

/** What a refused login answers: the two-factor ones only once the password matched. */
const REFUSALS: Record<LoginRefusal, string> = {
  credentials: 'the user or password is wrong, or the user is deactivated',
  otp_required: 'this user has two-factor authentication: send the current code as `otp`',
  otp_invalid: 'the two-factor code is wrong, expired or used already',
};

/** Log in with a password (a session token back), see who is logged in, log out. */
export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['sessions'];

  app.post(
    '/sessions',
    {
      schema: {
        tags,
        summary: 'Log in with user and password; the token goes in `Authorization: Bearer`',
        body: LoginBody,
        response: withErrors({ 201: SessionSchema }),
      },
    },
    async (request, reply) => {
      const { store, clock, sessions, loginThrottle } = contextOf(app);
      const workspace = request.body.workspace ?? DEFAULT_WORKSPACE;
      const attempt = { ...request.body, workspace, ip: request.ip };
      const outcome = await logIn(store, loginThrottle, attempt, clock());
      if (outcome.kind === 'throttled') {
        reply.header('retry-after', String(outcome.retryAfterSeconds));
        throw new HttpError(
          'RATE_LIMITED',
          `too many failed logins for this user or address; retry in ${outcome.retryAfterSeconds} s`,
        );
      }
      if (outcome.kind === 'refused') throw new HttpError('UNAUTHORIZED', REFUSALS[outcome.reason]);
      const { user } = outcome;
      const session = await sessions.issue(user.id, user.workspace, clock());
      await recordSessionEvent(app, 'session.login', session, request.ip);
      return reply.status(201).send({
        token: session.token,
        tokenType: 'Bearer' as const,
        expiresAt: session.expiresAt.toISOString(),
        user: user.id,
        workspace: user.workspace,
        role: user.superUser === true ? 'admin' : user.role,
        accountRole: accountRoleOf(user),
      });
    },
  );

  app.get(
    '/sessions/current',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'The user of the session token sent',
        response: withErrors({ 200: UserSchema }),
      },
    },
    async (request) => {
      const { session } = sessionCaller(request);
      return userView(await readUser(contextOf(app).store, session.workspace, session.user));
    },
  );

  app.delete(
    '/sessions/current',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Log out: the token sent stops working on every replica',
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { session } = sessionCaller(request);
      const { store, clock } = contextOf(app);
      await revokeSession(
        store,
        { ...session, expiresAt: session.expiresAt.toISOString() },
        clock(),
      );
      await recordSessionEvent(app, 'session.logout', session, request.ip);
      return reply.status(204).send(null);
    },
  );
};

function sessionCaller(request: Parameters<typeof callerOf>[0]) {
  const caller = callerOf(request);
  if (caller.session === null)
    throw new HttpError(
      'VALIDATION_FAILED',
      'this route is for a session token; an API key has no session',
      'headers.authorization',
    );
  return { ...caller, session: caller.session };
}
