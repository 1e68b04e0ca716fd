import { AllotError } from '../errors.js';
import type { Role } from '../model/workspace-record.js';
import type { ProjectRecord } from './project-record.js';

/** What a caller may do with a project's contents. */
export type ProjectPermission = 'none' | 'view' | 'edit';

/** Who asks: a user of the workspace and their workspace role. */
export interface ProjectCaller {
  user: string;
  role: Role;
}

/**
 * What a caller may do in a project. Managers and admins of the workspace
 * may do everything in every project. A project without members is open to
 * the whole workspace (testers and up edit, viewers view), as every project
 * was before members existed; once it has members, only they see it, and
 * members with the `view` role do not edit.
 */
export function projectPermission(
  project: ProjectRecord,
  caller: ProjectCaller,
): ProjectPermission {
  if (caller.role === 'admin' || caller.role === 'manager') return 'edit';
  const workspaceLevel: ProjectPermission = caller.role === 'viewer' ? 'view' : 'edit';
  if (project.members.length === 0) return workspaceLevel;
  const member = project.members.find((m) => m.user === caller.user);
  if (member === undefined) return 'none';
  return member.role === 'view' ? 'view' : workspaceLevel;
}

/**
 * Checks that a caller may view or edit a project's contents.
 *
 * @throws AllotError `PROJECT_ACCESS` naming the project otherwise
 */
export function assertProjectPermission(
  project: ProjectRecord,
  caller: ProjectCaller,
  needed: 'view' | 'edit',
): void {
  const held = projectPermission(project, caller);
  if (held === 'edit' || (held === 'view' && needed === 'view')) return;
  throw new AllotError(
    'PROJECT_ACCESS',
    held === 'none'
      ? `no access to project ${project.id}: the caller is not one of its members`
      : `no permission to change the contents of project ${project.id}: the caller may only view it`,
    { project: project.id },
  );
}
