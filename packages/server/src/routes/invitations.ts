import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AcceptInvitationBody, InvitationSchema, UserSchema, withErrors } from '@allot/protocol';
import { acceptInvitation, createInvitation, readUser } from '@allot/use-cases';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { contextOf } from '../app-context.js';
import { HttpError } from '../errors/http-error.js';
import { callerOf } from '../plugins/authenticate.js';
import { guardSuperUser } from './guard-super-user.js';
import { userView } from './user-view.js';

const MAX_TTL_SECONDS = 30 * 24 * 3600;

/** Invitations: an admin invites a user to set their password; the user sets it with the token. */
export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['users'];

  app.post(
    '/users/:id/invitation',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Invite a user to set their password (the token is in this response only)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        body: Type.Optional(
          Type.Object({
            ttlSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: MAX_TTL_SECONDS })),
          }),
        ),
        response: withErrors({ 201: InvitationSchema }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { store, clock } = contextOf(app);
      await guardSuperUser(
        store,
        caller,
        await readUser(store, caller.workspace, request.params.id),
      );
      const invitation = await createInvitation(
        store,
        {
          workspace: caller.workspace,
          user: request.params.id,
          actor: caller.user,
          ...(request.body?.ttlSeconds === undefined
            ? {}
            : { ttlSeconds: request.body.ttlSeconds }),
        },
        clock(),
      );
      await audit(app, request, 'user.invite', `user:${invitation.user}`, {
        expiresAt: invitation.expiresAt,
      });
      return reply.status(201).send(invitation);
    },
  );

  app.post(
    '/invitations/:token',
    {
      schema: {
        tags,
        summary: "Set a user's password with an invitation token (once; the token then expires)",
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 600 }) }),
        body: AcceptInvitationBody,
        response: withErrors({ 200: UserSchema }),
      },
    },
    async (request) => {
      const { store, clock } = contextOf(app);
      const use = await acceptInvitation(
        store,
        { token: request.params.token, password: request.body.password },
        clock(),
      );
      if (use.kind === 'invalid')
        throw new HttpError(
          'INVITATION_INVALID',
          'the invitation is unknown, used already, or expired: ask an admin for a new one',
          'params.token',
        );
      return userView(use.user);
    },
  );
};
