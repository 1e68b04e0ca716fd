import { ROLES, type Role } from '@allot/core';

/** True when `held` includes `needed`: each role includes the ones before it. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
