import type { Page, ProjectRecord, ProjectStore } from '@allot/core';

/** A page of a workspace's projects, by id. */
export function listProjects(
  store: ProjectStore,
  workspace: string,
  page: Page,
): Promise<ProjectRecord[]> {
  return store.listProjects(workspace, page);
}
