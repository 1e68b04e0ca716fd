import type { ProjectRecord } from '@allot/core';
import type { Acting } from './acting.js';

/** An event about a project, by the caller. */
export function projectEvent(
  kind: string,
  project: ProjectRecord,
  acting: Acting,
  details: Record<string, unknown> = {},
) {
  return {
    workspace: acting.workspace,
    kind,
    actor: acting.actor,
    ip: acting.ip,
    project: project.id,
    subject: `project:${project.id}`,
    at: acting.now.toISOString(),
    details: { name: project.name, version: project.version, ...details },
  };
}
