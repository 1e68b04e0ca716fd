import type { ApiKeyRecord, Role } from '@allot/core';

/** Who is calling: set on every authenticated request. */
export interface AuthContext {
  workspace: string;
  keyId: string;
  role: Role;
  /** How the audit log names the caller: the key, and its user when it has one. */
  actor: string;
  /** Who the caller is, as a job records its creator: the key's user id, else the key's name. */
  user: string;
}

export function authContextOf(key: ApiKeyRecord): AuthContext {
  const actor =
    key.userId === null ? `key:${key.id} (${key.name})` : `user:${key.userId} via key:${key.id}`;
  const user = key.userId ?? key.name;
  return { workspace: key.workspace, keyId: key.id, role: key.role, actor, user };
}
