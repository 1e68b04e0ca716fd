/**
 * Projects: named, versioned containers inside a workspace. One project has
 * two addresses: its numeric id, and its name with its version label.
 * Plain data only: stored as JSON.
 */

/** What a member may do in a project: view it, edit its contents, or manage it and its members. */
export type ProjectRole = 'view' | 'edit' | 'manage';

/** Every project role, weakest first. */
export const PROJECT_ROLES: readonly ProjectRole[] = ['view', 'edit', 'manage'];

/** A user of the workspace who belongs to a project. */
export interface ProjectMember {
  user: string;
  role: ProjectRole;
  /** ISO time the user was added (or their role last changed). */
  since: string;
}

/** A project as stored. */
export interface ProjectRecord {
  /** Numbered per workspace from 1; never reused, even after a delete. */
  id: number;
  workspace: string;
  name: string;
  /** A label, `1.0` unless given; name and version together are unique in a workspace. */
  version: string;
  description: string;
  tags: string[];
  members: ProjectMember[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A project to create: the store numbers it. */
export type NewProject = Omit<ProjectRecord, 'id'>;

/** The version label of a project created without one. */
export const DEFAULT_PROJECT_VERSION = '1.0';
