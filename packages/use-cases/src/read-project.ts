import {
  AllotError,
  projectNotFoundError,
  type ProjectRecord,
  type ProjectStore,
} from '@allot/core';

/** How a project is addressed: by its numeric id, or by name and version label. */
export type ProjectRef = { id: number } | { name: string; version: string };

/** A project of a workspace; `NOT_FOUND` when the workspace has none at this address. */
export async function readProject(
  store: ProjectStore,
  workspace: string,
  ref: ProjectRef,
): Promise<ProjectRecord> {
  if ('id' in ref) {
    const project = await store.getProject(workspace, ref.id);
    if (project === undefined) throw projectNotFoundError(ref.id);
    return project;
  }
  const project = await store.findProject(workspace, ref.name, ref.version);
  if (project === undefined) {
    throw new AllotError(
      'NOT_FOUND',
      `no project named "${ref.name}" has version "${ref.version}"`,
    );
  }
  return project;
}
