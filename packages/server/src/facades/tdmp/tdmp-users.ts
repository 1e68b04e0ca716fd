import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ProjectRecord } from '@allot/core';
import {
  acceptInvitation,
  accountRoleOf,
  createInvitation,
  createUser,
  hashPassword,
  listProjects,
  listUsers,
  readUser,
  updateUser,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { audit } from '../../audit.js';
import { HttpError } from '../../errors/http-error.js';
import { roleAllows } from '../../auth/roles.js';
import { guardSuperUser } from '../../routes/guard-super-user.js';
import { tdmpCaller } from './tdmp-auth.js';
import { rolesOf, TdmpPage, TdmpRoleSchema, tdmpUserView } from './tdmp-views.js';

const Email = Type.String({
  minLength: 3,
  maxLength: 320,
  pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
});
const Password = Type.String({ minLength: 8, maxLength: 1024 });
const UserParams = Type.Object({ user_id: Type.String({ minLength: 1, maxLength: 200 }) });

/** Every project of a workspace, for the few views that need them all. */
async function allProjects(
  store: Parameters<typeof listProjects>[0],
  workspace: string,
): Promise<ProjectRecord[]> {
  const all: ProjectRecord[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listProjects(store, workspace, { limit: 500, offset });
    all.push(...page);
    if (page.length < 500) return all;
  }
}

/** Who the caller is, user management (Admin/SuperUser; search for Managers), and setting a password. */
export const tdmpUserRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store } = contextOf(app);

  app.get('/users/me', { config: { role: 'viewer' }, schema: { hide } }, async (request) => {
    const caller = tdmpCaller(request);
    const user = await readUser(store, caller.session.workspace, caller.user);
    const projects = (await allProjects(store, caller.workspace)).flatMap((project) => {
      const member = project.members.find((m) => m.user === user.id);
      return member === undefined
        ? []
        : [{ project_id: project.id, name: project.name, role: member.role }];
    });
    return { ...tdmpUserView(user), projects };
  });

  app.post(
    '/users/create',
    {
      config: { role: 'admin' },
      schema: {
        hide,
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._@-]+$' }),
          email: Email,
          full_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          role: TdmpRoleSchema,
          password: Type.Optional(Password),
        }),
      },
    },
    async (request, reply) => {
      const caller = tdmpCaller(request);
      const { clock } = contextOf(app);
      const { username, email, full_name, role, password } = request.body;
      const roles = rolesOf(role);
      await guardSuperUser(store, caller, roles, 'body.role');
      const creation = await createUser(
        store,
        {
          id: username,
          workspace: caller.workspace,
          name: full_name ?? username,
          email,
          role: roles.role,
          superUser: roles.superUser,
          active: true,
          password: password === undefined ? null : await hashPassword(password),
        },
        clock(),
      );
      if (creation.kind === 'exists')
        throw new HttpError('CONFLICT', `User "${username}" already exists`, 'body.username');
      await audit(app, request, 'user.create', `user:${username}`, { role });
      // Without a password the user sets one with this token (POST /users/setup-password).
      const invitation =
        password === undefined
          ? await createInvitation(
              store,
              { workspace: caller.workspace, user: username, actor: caller.user },
              clock(),
            )
          : undefined;
      return reply.status(201).send({
        ...tdmpUserView(creation.user),
        ...(invitation === undefined
          ? {}
          : { invitation_token: invitation.token, invitation_expires_at: invitation.expiresAt }),
      });
    },
  );

  app.get(
    '/users',
    {
      config: { role: 'manager' },
      schema: {
        hide,
        querystring: Type.Object({
          search: Type.Optional(Type.String({ maxLength: 200 })),
          role: Type.Optional(TdmpRoleSchema),
          is_active: Type.Optional(Type.Boolean()),
          ...TdmpPage,
        }),
      },
    },
    async (request) => {
      const { search, role, is_active, limit, offset } = request.query;
      const text = search?.toLowerCase();
      const users = (await listUsers(store, tdmpCaller(request).workspace)).filter(
        (user) =>
          (text === undefined ||
            [user.id, user.email, user.name].some((f) => f.toLowerCase().includes(text))) &&
          (role === undefined || accountRoleOf(user) === role) &&
          (is_active === undefined || (user.active !== false) === is_active),
      );
      return users.slice(offset, offset + limit).map(tdmpUserView);
    },
  );

  app.get(
    '/users/:user_id',
    { config: { role: 'viewer' }, schema: { hide, params: UserParams } },
    async (request) => {
      const caller = tdmpCaller(request);
      const id = request.params.user_id;
      if (id !== caller.user && !roleAllows(caller.role, 'manager'))
        throw new HttpError('FORBIDDEN', 'Only Managers and Admins may read other users');
      return tdmpUserView(await readUser(store, caller.workspace, id));
    },
  );

  app.patch(
    '/users/:user_id',
    {
      config: { role: 'admin' },
      schema: {
        hide,
        params: UserParams,
        body: Type.Object({
          email: Type.Optional(Email),
          full_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          role: Type.Optional(TdmpRoleSchema),
          is_active: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => {
      const caller = tdmpCaller(request);
      const { clock } = contextOf(app);
      const id = request.params.user_id;
      const { email, full_name, role, is_active } = request.body;
      await guardSuperUser(store, caller, await readUser(store, caller.workspace, id));
      const roles = role === undefined ? undefined : rolesOf(role);
      if (roles !== undefined) await guardSuperUser(store, caller, roles, 'body.role');
      const changes = {
        ...(email === undefined ? {} : { email }),
        ...(full_name === undefined ? {} : { name: full_name }),
        ...(roles === undefined ? {} : { role: roles.role, superUser: roles.superUser }),
        ...(is_active === undefined ? {} : { active: is_active }),
      };
      const updated = await updateUser(store, caller.workspace, id, changes, clock());
      await audit(app, request, 'user.update', `user:${id}`, { ...changes });
      return tdmpUserView(updated);
    },
  );

  app.post(
    '/users/setup-password',
    {
      schema: {
        hide,
        body: Type.Object({
          token: Type.String({ minLength: 1, maxLength: 500 }),
          password: Password,
        }),
      },
    },
    async (request) => {
      const outcome = await acceptInvitation(store, request.body, contextOf(app).clock());
      if (outcome.kind === 'invalid')
        throw new HttpError(
          'INVALID_INPUT',
          'The invitation token is invalid or has expired',
          'body.token',
        );
      return { detail: 'Password set', username: outcome.user.id };
    },
  );
};
