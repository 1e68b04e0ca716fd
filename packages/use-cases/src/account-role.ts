import type { Role, UserRecord } from '@allot/core';

/** The roles people hold, as the documented systems name them. */
export type AccountRole = 'Viewer' | 'Tester' | 'Manager' | 'Admin' | 'SuperUser';

/**
 * How each account role maps onto the key roles that routes check: Tester,
 * Manager and Admin are the key roles of the same name; a SuperUser is an
 * admin who also acts in every workspace and manages workspaces.
 */
export const ACCOUNT_ROLES: Record<AccountRole, { role: Role; superUser: boolean }> = {
  Viewer: { role: 'viewer', superUser: false },
  Tester: { role: 'tester', superUser: false },
  Manager: { role: 'manager', superUser: false },
  Admin: { role: 'admin', superUser: false },
  SuperUser: { role: 'admin', superUser: true },
};

/** The account role of a user. */
export function accountRoleOf(user: Pick<UserRecord, 'role' | 'superUser'>): AccountRole {
  if (user.superUser === true) return 'SuperUser';
  const names: Record<Role, AccountRole> = {
    viewer: 'Viewer',
    tester: 'Tester',
    manager: 'Manager',
    admin: 'Admin',
  };
  return names[user.role];
}
