import type { ProjectRecord, ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import { projectEvent } from './create-project.js';
import type { EventLog } from './event-log.js';

/** What an update may change; what is omitted stays. */
export interface ProjectChanges {
  name?: string;
  version?: string;
  description?: string;
  tags?: string[];
}

/**
 * Changes a project's name, version label, description or tags and
 * records `project.updated` with the fields that changed.
 *
 * @throws {@link AllotError} `NOT_FOUND`, or `ALREADY_EXISTS` when the new name and version are another project's.
 */
export async function updateProject(
  store: ProjectStore,
  events: EventLog,
  target: { id: number; changes: ProjectChanges },
  acting: Acting,
): Promise<ProjectRecord> {
  const { changes } = target;
  const updated = await store.updateProject(acting.workspace, target.id, (current) => ({
    ...current,
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.version === undefined ? {} : { version: changes.version }),
    ...(changes.description === undefined ? {} : { description: changes.description }),
    ...(changes.tags === undefined ? {} : { tags: [...new Set(changes.tags)] }),
    updatedAt: acting.now.toISOString(),
  }));
  await events.record(
    projectEvent('project.updated', updated, acting, { changed: Object.keys(changes).sort() }),
  );
  return updated;
}
