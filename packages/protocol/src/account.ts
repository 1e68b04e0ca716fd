import { Type, type Static } from 'typebox';

/** A role as keys and users hold it; each includes the ones before it. */
export const KeyRoleSchema = Type.Enum(['viewer', 'tester', 'manager', 'admin']);

/** The roles people hold, as the documented systems name them (see the server README for the mapping). */
export const AccountRoleSchema = Type.Enum(['Viewer', 'Tester', 'Manager', 'Admin', 'SuperUser']);

/** A password as a person sets it. */
export const PasswordSchema = Type.String({ minLength: 8, maxLength: 1024 });

/** A user as the API returns it: never the password, only whether one is set. */
export const UserSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: Type.String(),
  accountRole: AccountRoleSchema,
  superUser: Type.Boolean(),
  active: Type.Boolean(),
  hasPassword: Type.Boolean(),
  createdAt: Type.String(),
});

/** A user as the API returns it. */
export type UserView = Static<typeof UserSchema>;

/** A login: the user by id or email, their password, and the workspace (default `default`). */
export const LoginBody = Type.Object({
  user: Type.String({ minLength: 1, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  workspace: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  otp: Type.Optional(
    Type.String({
      pattern: '^[0-9]{6}$',
      description:
        'The current TOTP code (6 digits) of a user with two-factor authentication enabled',
    }),
  ),
});

/** A login: the user by id or email, their password, and the workspace. */
export type Login = Static<typeof LoginBody>;

/** A session as login returns it: the token to send as `Authorization: Bearer`. */
export const SessionSchema = Type.Object({
  token: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresAt: Type.String(),
  user: Type.String(),
  workspace: Type.String(),
  role: Type.String(),
  accountRole: AccountRoleSchema,
});

/** A session as login returns it. */
export type Session = Static<typeof SessionSchema>;

/** An invitation as made: the token is shown once. */
export const InvitationSchema = Type.Object({
  token: Type.String(),
  user: Type.String(),
  expiresAt: Type.String(),
});

/** An invitation as made. */
export type Invitation = Static<typeof InvitationSchema>;

/** Using an invitation: the password to set. */
export const AcceptInvitationBody = Type.Object({ password: PasswordSchema });

/** A workspace (tenant). */
export const WorkspaceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
});

/** A workspace (tenant). */
export type Workspace = Static<typeof WorkspaceSchema>;

/** A new workspace: an id (a letter or digit first) and an optional display name. */
export const WorkspaceBody = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
