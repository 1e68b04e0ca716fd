import { ROLES, type Role } from '@allot/core';
import { Type } from 'typebox';

/** True when `held` includes `needed`: each role includes the ones before it. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** A role as the key and user routes take and return it. */
export const RoleSchema = Type.Enum([...ROLES]);
