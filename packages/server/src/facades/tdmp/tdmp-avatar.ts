import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AVATAR_MAX_BYTES, readUser, readUserAvatar, setUserAvatar } from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { audit } from '../../audit.js';
import { HttpError, notFound } from '../../errors/http-error.js';
import { tdmpCaller } from './tdmp-auth.js';
import { asValidation } from './tdmp-integrations.js';

/** Where a user's avatar is served. */
export const avatarUrl = (user: string) => `/users/${encodeURIComponent(user)}/avatar`;

/**
 * Avatars: `POST /settings/avatar` takes a multipart image (`-F file=@me.png`;
 * PNG, JPEG, GIF or WebP, read from its bytes, at most 1 MiB), and
 * `GET /users/{user_id}/avatar` serves it to anyone of the tenant.
 */
export const tdmpAvatarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, clock } = contextOf(app);
  await app.register(multipart, {
    // One byte past the limit, so a file just too large reads as too large, not cut short.
    limits: { fileSize: AVATAR_MAX_BYTES + 1, files: 1, fields: 5, parts: 6 },
  });

  app.post(
    '/settings/avatar',
    { config: { role: 'viewer' }, schema: { hide } },
    async (request) => {
      const caller = tdmpCaller(request);
      const owner = { workspace: caller.session.workspace, user: caller.user };
      if (!request.isMultipart())
        throw new HttpError(
          'VALIDATION_FAILED',
          'send the image as a multipart form field named file',
          'body.file',
        );
      const part = await request.file();
      if (part === undefined || part.fieldname !== 'file')
        throw new HttpError('VALIDATION_FAILED', 'the form has no file field', 'body.file');
      const image = await part.toBuffer();
      if (part.file.truncated)
        throw new HttpError(
          'PAYLOAD_TOO_LARGE',
          `the avatar is larger than ${AVATAR_MAX_BYTES} bytes`,
        );
      const stored = await asValidation(() => setUserAvatar(store, owner, image, clock()), {
        file: 'body.file',
      });
      await audit(app, request, 'user.avatar_changed', `user:${owner.user}`, {
        bytes: stored.bytes,
      });
      return {
        detail: 'Avatar updated',
        avatar_url: avatarUrl(owner.user),
        content_type: stored.mediaType,
        size: stored.bytes,
      };
    },
  );

  app.get(
    '/users/:user_id/avatar',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        params: Type.Object({ user_id: Type.String({ minLength: 1, maxLength: 320 }) }),
      },
    },
    async (request, reply) => {
      const workspace = tdmpCaller(request).session.workspace;
      const user = request.params.user_id;
      await readUser(store, workspace, user);
      const avatar = await readUserAvatar(store, { workspace, user });
      if (avatar === undefined) throw notFound('Avatar not found');
      return reply
        .header('content-type', avatar.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${avatar.sha256}"`)
        .header('cache-control', 'private, no-cache')
        .send(Buffer.from(avatar.data, 'base64'));
    },
  );
};
