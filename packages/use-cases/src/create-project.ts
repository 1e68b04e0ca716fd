import { DEFAULT_PROJECT_VERSION, type ProjectRecord, type ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import type { EventLog } from './event-log.js';
import { projectWriteEvent } from './project-journal.js';

/** What a new project is given; the rest is the store's. */
export interface NewProjectInput {
  name: string;
  /** Defaults to `1.0`. */
  version?: string;
  description?: string;
  tags?: string[];
}

/**
 * Creates a project numbered by its workspace and records `project.created`
 * in the same write.
 *
 * @throws {@link AllotError} `ALREADY_EXISTS` when the workspace has a project of this name and version.
 */
export async function createProject(
  store: ProjectStore,
  events: EventLog,
  input: NewProjectInput,
  acting: Acting,
): Promise<ProjectRecord> {
  const at = acting.now.toISOString();
  const written = projectWriteEvent(events, 'project.created', acting);
  const project = await store.createProject(
    {
      workspace: acting.workspace,
      name: input.name,
      version: input.version ?? DEFAULT_PROJECT_VERSION,
      description: input.description ?? '',
      tags: [...new Set(input.tags ?? [])],
      members: [],
      createdBy: acting.actor,
      createdAt: at,
      updatedAt: at,
    },
    written.journal,
  );
  await written.announce();
  return project;
}
