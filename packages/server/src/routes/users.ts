import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createUser, deleteUser, listUsers, readUser, updateUser } from '@allot/use-cases';
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { HttpError } from '../errors/http-error.js';
import { pageOfList } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { PageOf, PageQuery, UserSchema, withErrors } from '@allot/protocol';
import { RoleSchema } from '../auth/roles.js';
import { guardSuperUser } from './guard-super-user.js';
import { userView } from './user-view.js';

const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
const Email = Type.String({ minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$' });

/** Users and their roles; deactivating or deleting a user revokes their keys and sessions. */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['users'];

  app.post(
    '/users',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Create a user (then invite them to set a password)',
        body: Type.Object({
          id: Type.Optional(
            Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._@-]+$' }),
          ),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          email: Email,
          role: RoleSchema,
          superUser: Type.Optional(Type.Boolean()),
        }),
        response: withErrors({ 201: UserSchema }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { store, clock } = contextOf(app);
      await guardSuperUser(store, caller, request.body, 'body.superUser');
      const id = request.body.id ?? randomUUID();
      const creation = await createUser(
        store,
        { ...request.body, id, workspace: caller.workspace, active: true },
        clock(),
      );
      if (creation.kind === 'exists')
        throw new HttpError('CONFLICT', `user "${id}" already exists`, 'body.id');
      const user = creation.user;
      await audit(app, request, 'user.create', `user:${id}`, {
        role: user.role,
        superUser: user.superUser === true,
      });
      return reply.status(201).send(userView(user));
    },
  );

  app.get(
    '/users',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'List users',
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(UserSchema) }),
      },
    },
    async (request) =>
      pageOfList(
        request,
        (await listUsers(contextOf(app).store, callerOf(request).workspace)).map(userView),
        request.query,
      ),
  );

  app.get(
    '/users/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Read a user',
        params: UserParams,
        response: withErrors({ 200: UserSchema }),
      },
    },
    async (request) =>
      userView(
        await readUser(contextOf(app).store, callerOf(request).workspace, request.params.id),
      ),
  );

  app.patch(
    '/users/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary:
          "Change a user's name, email or role, or (de)activate them (deactivating revokes their keys and sessions)",
        params: UserParams,
        body: Type.Object({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          email: Type.Optional(Email),
          role: Type.Optional(RoleSchema),
          active: Type.Optional(Type.Boolean()),
          superUser: Type.Optional(Type.Boolean()),
        }),
        response: withErrors({ 200: UserSchema }),
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { store, clock } = contextOf(app);
      await guardSuperUser(
        store,
        caller,
        await readUser(store, caller.workspace, request.params.id),
      );
      await guardSuperUser(store, caller, request.body, 'body.superUser');
      const updated = await updateUser(
        store,
        caller.workspace,
        request.params.id,
        request.body,
        clock(),
      );
      await audit(app, request, 'user.update', `user:${updated.id}`, { ...request.body });
      return userView(updated);
    },
  );

  app.delete(
    '/users/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a user and revoke their keys',
        params: UserParams,
        response: withErrors({ 204: Type.Null() }),
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
      await deleteUser(store, caller.workspace, request.params.id, clock());
      await audit(app, request, 'user.delete', `user:${request.params.id}`);
      return reply.status(204).send(null);
    },
  );
};
