import type { ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import type { EventLog } from './event-log.js';
import { projectWriteEvent } from './project-journal.js';
import { readProject } from './read-project.js';

/**
 * Deletes a project and records `project.deleted` in the same write,
 * notifying its members.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace has no project of this id.
 */
export async function deleteProject(
  store: ProjectStore,
  events: EventLog,
  id: number,
  acting: Acting,
): Promise<void> {
  // NOT_FOUND for a project the workspace never had.
  await readProject(store, acting.workspace, { id });
  const written = projectWriteEvent(events, 'project.deleted', acting, {
    notify: (deleted) => deleted.members.map((m) => m.user),
  });
  // A delete racing this one found it first: the project is gone either way, its event recorded once.
  if (!(await store.deleteProject(acting.workspace, id, written.journal))) return;
  await written.announce();
}
