import type { ProjectRecord, ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import type { EventLog } from './event-log.js';
import { projectWriteEvent } from './project-journal.js';

/** What an update may change; what is omitted stays. */
export interface ProjectChanges {
  name?: string;
  version?: string;
  description?: string;
  tags?: string[];
}

/**
 * Changes a project's name, version label, description or tags and
 * records `project.updated` with the fields that changed, in the same write.
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
  const written = projectWriteEvent(events, 'project.updated', acting, {
    details: () => ({ changed: Object.keys(changes).sort() }),
  });
  const updated = await store.updateProject(
    acting.workspace,
    target.id,
    (current) => ({
      ...current,
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.version === undefined ? {} : { version: changes.version }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      ...(changes.tags === undefined ? {} : { tags: [...new Set(changes.tags)] }),
      updatedAt: acting.now.toISOString(),
    }),
    written.journal,
  );
  await written.announce();
  return updated;
}
