import type { ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import { projectEvent } from './create-project.js';
import type { EventLog } from './event-log.js';
import { readProject } from './read-project.js';

/**
 * Deletes a project and records `project.deleted`, notifying its members.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace has no project of this id.
 */
export async function deleteProject(
  store: ProjectStore,
  events: EventLog,
  id: number,
  acting: Acting,
): Promise<void> {
  const project = await readProject(store, acting.workspace, { id });
  // A delete racing this one found it first: the project is gone either way.
  if (!(await store.deleteProject(acting.workspace, id))) return;
  await events.record(
    projectEvent('project.deleted', project, acting),
    project.members.map((m) => m.user),
  );
}
