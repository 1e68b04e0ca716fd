import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiKeyRecord } from '@allot/core';
import { findUser, listApiKeys, readApiKey, revokeApiKey, rotateApiKey } from '@allot/use-cases';
import { Type } from 'typebox';
import { issueKey } from '../auth/api-key.js';
import { createApiKey } from '../auth/create-api-key.js';
import { audit } from '../audit.js';
import { HttpError } from '../errors/http-error.js';
import { pageOfList } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { PageOf, PageQuery, withErrors } from '@allot/protocol';
import { RoleSchema } from '../auth/roles.js';

const KeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  userId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
const IssuedKeySchema = Type.Intersect([
  KeySchema,
  Type.Object({ key: Type.String({ description: 'The full key: shown this once, never again' }) }),
]);
const KeyParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) });

/** The stored key without its hash: what lists and reads show. */
export function keyView(key: ApiKeyRecord) {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    userId: key.userId,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
  };
}

/** API keys of the caller's workspace: create (secret shown once), list, read, rotate, revoke. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['api keys'];
  const keyOf = (workspace: string, id: string) => readApiKey(contextOf(app).store, workspace, id);

  app.post(
    '/keys',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Create an API key (its secret is in this response only)',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          role: RoleSchema,
          userId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        }),
        response: withErrors({ 201: IssuedKeySchema }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { workspace } = caller;
      const { name, role } = request.body;
      // A key a user creates while logged in belongs to them unless it names its user, so it goes
      // when they are deactivated; a SuperUser's session in another workspace has no user there.
      const creator =
        caller.session !== null && caller.session.workspace === workspace ? caller.user : undefined;
      const userId = request.body.userId ?? creator;
      if (
        userId !== undefined &&
        (await findUser(contextOf(app).store, workspace, userId)) === undefined
      ) {
        throw new HttpError('VALIDATION_FAILED', `user "${userId}" does not exist`, 'body.userId');
      }
      const { record, key } = await createApiKey(contextOf(app).store, {
        workspace,
        name,
        role,
        userId: userId ?? null,
        now: contextOf(app).clock(),
      });
      await audit(app, request, 'key.create', `key:${record.id}`, { name, role });
      return reply.status(201).send({ ...keyView(record), key });
    },
  );

  app.get(
    '/keys',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'List API keys (never their secrets)',
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(KeySchema) }),
      },
    },
    async (request) => {
      const keys = await listApiKeys(contextOf(app).store, callerOf(request).workspace);
      return pageOfList(request, keys.map(keyView), request.query);
    },
  );

  app.get(
    '/keys/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Read an API key',
        params: KeyParams,
        response: withErrors({ 200: KeySchema }),
      },
    },
    async (request) => keyView(await keyOf(callerOf(request).workspace, request.params.id)),
  );

  app.post(
    '/keys/:id/rotate',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Give a key a new secret (the old one stops working now)',
        params: KeyParams,
        response: withErrors({ 200: IssuedKeySchema }),
      },
    },
    async (request) => {
      const key = await keyOf(callerOf(request).workspace, request.params.id);
      const issued = issueKey(key.id);
      const rotation = await rotateApiKey(contextOf(app).store, key, issued);
      if (rotation.kind === 'revoked')
        throw new HttpError('CONFLICT', `API key ${key.id} is revoked; create a new one`);
      await audit(app, request, 'key.rotate', `key:${key.id}`);
      return { ...keyView(rotation.key), key: issued.key };
    },
  );

  app.delete(
    '/keys/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Revoke an API key (effective on the next request)',
        params: KeyParams,
        response: withErrors({ 200: KeySchema }),
      },
    },
    async (request) => {
      const found = await keyOf(callerOf(request).workspace, request.params.id);
      const { key, revoked } = await revokeApiKey(
        contextOf(app).store,
        found,
        contextOf(app).clock(),
      );
      if (revoked) await audit(app, request, 'key.revoke', `key:${key.id}`);
      return keyView(key);
    },
  );
};
