import type { EventRecord, ProjectJournal, ProjectRecord } from '@allot/core';
import type { Acting } from './acting.js';
import { projectEvent } from './project-event.js';
import type { EventLog } from './event-log.js';

/** A journal for one project write, and how to tell the listeners once it committed. */
export interface ProjectWriteEvent {
  journal: ProjectJournal;
  /** Hands the event the write recorded to the event log's listeners (webhooks, …). */
  announce(): Promise<void>;
}

/**
 * The event of a project write (`project.created`, `project.updated`, …),
 * for the store to write with the project in one atomic write, so that no
 * project change is ever kept without its event nor an event without its
 * change; the listeners hear of it only after the write committed.
 */
export function projectWriteEvent(
  events: EventLog,
  kind: string,
  acting: Acting,
  options: {
    details?: (project: ProjectRecord) => Record<string, unknown>;
    notify?: (project: ProjectRecord) => readonly string[];
  } = {},
): ProjectWriteEvent {
  let recorded: EventRecord | undefined;
  return {
    journal: {
      event: (project) => projectEvent(kind, project, acting, options.details?.(project) ?? {}),
      ...(options.notify === undefined ? {} : { notify: options.notify }),
      recorded: (event) => {
        recorded = event;
      },
    },
    announce: async () => {
      if (recorded !== undefined) await events.announce(recorded);
    },
  };
}
