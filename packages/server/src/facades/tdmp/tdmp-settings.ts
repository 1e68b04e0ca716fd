import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  changePassword,
  confirmTwoFactor,
  deleteUser,
  disableTwoFactor,
  passwordMatches,
  readUser,
  readUserAvatar,
  readUserSettings,
  startTwoFactor,
  updateUser,
  updateUserSettings,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { audit } from '../../audit.js';
import { HttpError } from '../../errors/http-error.js';
import { emptyBodyAsObject } from '../../routes/empty-body.js';
import { guardSuperUser } from '../../routes/guard-super-user.js';
import { tdmpCaller } from './tdmp-auth.js';
import { avatarUrl } from './tdmp-avatar.js';
import { tdmpUserView } from './tdmp-views.js';

/** The issuer authenticator apps show beside the account. */
const TOTP_ISSUER = 'allot';
const Code = Type.String({ minLength: 1, maxLength: 20 });
const Password = Type.String({ minLength: 8, maxLength: 1024 });
const Email = Type.String({
  minLength: 3,
  maxLength: 320,
  pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
});

/**
 * The caller's own settings: profile (name, theme), password, email,
 * notification preferences, TOTP two-factor authentication, and deleting
 * their own account. Each acts on
 * the logged-in user only, in their own workspace.
 */
export const tdmpSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, clock } = contextOf(app);
  const self = (request: Parameters<typeof tdmpCaller>[0]) => {
    const caller = tdmpCaller(request);
    return { workspace: caller.session.workspace, user: caller.user };
  };
  const view = async (workspace: string, user: string) => {
    const settings = await readUserSettings(store, workspace, user);
    const record = await readUser(store, workspace, user);
    return {
      ...tdmpUserView(record),
      theme: settings.theme,
      notifications: settings.notifications,
      two_factor_enabled: record.twoFactor?.enabledAt != null,
      avatar_url:
        (await readUserAvatar(store, { workspace, user })) === undefined ? null : avatarUrl(user),
    };
  };

  app.get('/settings', { config: { role: 'viewer' }, schema: { hide } }, async (request) => {
    const { workspace, user } = self(request);
    return view(workspace, user);
  });

  app.put(
    '/settings',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        body: Type.Object({
          full_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          theme: Type.Optional(
            Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()]),
          ),
        }),
      },
    },
    async (request) => {
      const { workspace, user } = self(request);
      const { full_name, theme } = request.body;
      if (full_name !== undefined)
        await updateUser(store, workspace, user, { name: full_name }, clock());
      if (theme !== undefined)
        await updateUserSettings(store, { workspace, user }, { theme }, clock());
      return view(workspace, user);
    },
  );

  app.post(
    '/settings/change_password',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        body: Type.Object({
          current_password: Type.String({ minLength: 1, maxLength: 1024 }),
          new_password: Password,
        }),
      },
    },
    async (request) => {
      const { workspace, user } = self(request);
      const { current_password, new_password } = request.body;
      const changed = await changePassword(
        store,
        { workspace, user },
        { current: current_password, next: new_password },
      );
      if (!changed)
        throw new HttpError(
          'INVALID_INPUT',
          'Current password is incorrect',
          'body.current_password',
        );
      await audit(app, request, 'user.password_changed', `user:${user}`);
      return { detail: 'Password changed' };
    },
  );

  app.post(
    '/settings/change_email',
    {
      config: { role: 'viewer' },
      schema: { hide, body: Type.Object({ email: Email }) },
    },
    async (request) => {
      const { workspace, user } = self(request);
      await updateUser(store, workspace, user, { email: request.body.email }, clock());
      await audit(app, request, 'user.email_changed', `user:${user}`);
      return view(workspace, user);
    },
  );

  app.post(
    '/settings/notifications',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        body: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Boolean(), {
          maxProperties: 50,
        }),
      },
    },
    async (request) => {
      const { workspace, user } = self(request);
      await updateUserSettings(
        store,
        { workspace, user },
        { notifications: request.body },
        clock(),
      );
      return view(workspace, user);
    },
  );

  app.post(
    '/settings/enable_2fa',
    {
      config: { role: 'viewer' },
      preValidation: emptyBodyAsObject,
      schema: { hide, body: Type.Object({ code: Type.Optional(Code) }) },
    },
    async (request) => {
      const owner = self(request);
      const code = request.body.code;
      if (code === undefined) {
        const setup = await startTwoFactor(store, owner, TOTP_ISSUER, clock());
        await audit(app, request, 'user.two_factor_started', `user:${owner.user}`);
        return {
          secret: setup.secret,
          otpauth_url: setup.uri,
          two_factor_enabled: false,
          detail: 'Confirm with a code from the authenticator app: POST {"code": "123456"}',
        };
      }
      await confirmTwoFactor(store, owner, code, clock());
      await audit(app, request, 'user.two_factor_enabled', `user:${owner.user}`);
      return { two_factor_enabled: true, detail: 'Two-factor authentication enabled' };
    },
  );

  app.post(
    '/settings/disable_2fa',
    {
      config: { role: 'viewer' },
      preValidation: emptyBodyAsObject,
      schema: { hide, body: Type.Object({ code: Type.Optional(Code) }) },
    },
    async (request) => {
      const owner = self(request);
      await disableTwoFactor(store, owner, request.body.code, clock());
      await audit(app, request, 'user.two_factor_disabled', `user:${owner.user}`);
      return { two_factor_enabled: false, detail: 'Two-factor authentication disabled' };
    },
  );

  app.post(
    '/settings/delete',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) }),
      },
    },
    async (request) => {
      const caller = tdmpCaller(request);
      const { workspace, user } = self(request);
      const record = await readUser(store, workspace, user);
      // Deleting one's own account asks for the password again: a stolen token alone cannot.
      if (
        record.password == null ||
        !(await passwordMatches(request.body.password, record.password))
      )
        throw new HttpError('INVALID_INPUT', 'Password is incorrect', 'body.password');
      await guardSuperUser(store, caller, record);
      await deleteUser(store, workspace, user, clock());
      await audit(app, request, 'user.delete', `user:${user}`, { self: true });
      return { detail: 'Account deleted' };
    },
  );
};
