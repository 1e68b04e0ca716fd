import type { ProjectRecord, UserRecord } from '@allot/core';
import { ACCOUNT_ROLES, accountRoleOf, type AccountRole } from '@allot/use-cases';
import { Type } from 'typebox';

/** The account roles TDMP names, as its bodies take them. */
export const TdmpRoleSchema = Type.Union([
  Type.Literal('Tester'),
  Type.Literal('Manager'),
  Type.Literal('Admin'),
  Type.Literal('SuperUser'),
]);

/**
 * A user id as TDMP sends it: the reference shows numbers (`"user_id": 42`),
 * allot's ids are text; both are taken, a number as its digits.
 */
export const TdmpUserId = Type.Union([
  Type.String({ minLength: 1, maxLength: 200 }),
  Type.Integer({ minimum: 0 }),
]);

/** `?limit&offset` of TDMP's lists. */
export const TdmpPage = {
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
};

/** A project id in a path. */
export const ProjectIdParams = Type.Object({
  project_id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});

/** The key role and SuperUser flag of a TDMP role. */
export function rolesOf(role: AccountRole) {
  return ACCOUNT_ROLES[role];
}

/** A user as TDMP shows one: never the password, only whether one is set. */
export function tdmpUserView(user: UserRecord) {
  return {
    id: user.id,
    username: user.id,
    email: user.email,
    full_name: user.name,
    role: accountRoleOf(user),
    tenant_id: user.workspace,
    is_active: user.active !== false,
    has_password: user.password != null,
    created_at: user.createdAt,
  };
}

/** A project as TDMP shows one; `schemas` when the caller asked for the details. */
export function tdmpProjectView(project: ProjectRecord, schemas?: readonly string[]) {
  return {
    project_id: project.id,
    name: project.name,
    description: project.description,
    version: project.version,
    tags: project.tags,
    created_by: project.createdBy,
    created_at: project.createdAt,
    updated_at: project.updatedAt,
    members: project.members.map((m) => ({ user_id: m.user, role: m.role, since: m.since })),
    ...(schemas === undefined ? {} : { schemas: schemas.map((schema) => ({ schema_id: schema })) }),
  };
}
