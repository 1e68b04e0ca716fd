import { AllotError, ROLES, type Role } from '@allot/core';

/** Who changes a workset, data view or scenario: the user, and the role they act with. */
export interface AssemblyCaller {
  /** The user id the catalogue records as the author. */
  user: string;
  /** The caller's role in the workspace; a SuperUser acts as `admin`. */
  role: Role;
}

/**
 * The role that creates, updates and clones worksets. The TDO reference
 * has two roles, User and Admin, and keeps only deletes for the Admin: a
 * User creates and updates worksets. allot's User roles are tester and
 * manager (a viewer only reads), so a tester may change a workset on
 * every surface.
 */
export const WORKSET_CHANGE_ROLE: Role = 'tester';

/** The role that deletes worksets, data views and scenarios: the Admin, as the reference requires of every delete. */
export const ASSEMBLY_DELETE_ROLE: Role = 'admin';

/**
 * Refuses a caller whose role is below `needed`, so that `/api/v1` and the
 * TDO facade, which authenticate differently, apply one rule.
 *
 * @throws AllotError `PROJECT_ACCESS` naming the role needed and the caller's.
 */
export function assertAssemblyRole(caller: AssemblyCaller, needed: Role, change: string): void {
  if (ROLES.indexOf(caller.role) >= ROLES.indexOf(needed)) return;
  throw new AllotError(
    'PROJECT_ACCESS',
    `${change} needs the ${needed} role; ${caller.user} has ${caller.role}`,
    { needed, role: caller.role },
  );
}
