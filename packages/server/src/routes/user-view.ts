import type { UserRecord } from '@allot/core';
import type { UserView } from '@allot/protocol';
import { accountRoleOf } from '@allot/use-cases';

/** A user as the API shows it: never the password hash, only whether there is one. */
export function userView(user: UserRecord): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    accountRole: accountRoleOf(user),
    superUser: user.superUser === true,
    active: user.active !== false,
    hasPassword: user.password != null,
    createdAt: user.createdAt,
  };
}
