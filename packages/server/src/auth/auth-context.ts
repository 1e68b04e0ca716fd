import type { ApiKeyRecord, Role, UserRecord } from '@allot/core';
import type { SessionClaims } from './session-tokens.js';

/** Who is calling: set on every authenticated request. */
export interface AuthContext {
  workspace: string;
  /** The API key used; null for a user's session. */
  keyId: string | null;
  role: Role;
  /** A SuperUser's session: acts as an admin in every workspace and manages workspaces. */
  superUser: boolean;
  /** How the audit log names the caller: the key, and its user when it has one. */
  actor: string;
  /** Who the caller is, as a job records its creator: the key's user id, else the key's name. */
  user: string;
  /** The session token used, when the caller logged in with a password. */
  session: SessionClaims | null;
}

export function authContextOf(key: ApiKeyRecord): AuthContext {
  const actor =
    key.userId === null ? `key:${key.id} (${key.name})` : `user:${key.userId} via key:${key.id}`;
  const user = key.userId ?? key.name;
  return {
    workspace: key.workspace,
    keyId: key.id,
    role: key.role,
    superUser: false,
    actor,
    user,
    session: null,
  };
}

/**
 * The caller of a session: the user's role as stored now (so a change of
 * role or a deactivation takes effect on the next request), in the
 * workspace the session is for, or, for a SuperUser, the one they asked for.
 */
export function sessionContextOf(
  user: UserRecord,
  session: SessionClaims,
  workspace: string,
): AuthContext {
  const superUser = user.superUser === true;
  return {
    workspace,
    keyId: null,
    role: superUser ? 'admin' : user.role,
    superUser,
    actor: `user:${user.id}` + (workspace === user.workspace ? '' : ` of ${user.workspace}`),
    user: user.id,
    session,
  };
}
