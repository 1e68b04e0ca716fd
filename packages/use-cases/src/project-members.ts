import {
  AllotError,
  type ProjectRecord,
  type ProjectRole,
  type ProjectStore,
  type TenancyStore,
} from '@allot/core';
import type { Acting } from './acting.js';
import type { EventLog } from './event-log.js';
import { projectWriteEvent } from './project-journal.js';

/**
 * Adds a user of the workspace to a project with a role, or changes the
 * role of a member; records `project.member.added` and notifies the user.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the project or the user does not exist in the workspace.
 */
export async function addProjectMember(
  store: ProjectStore & TenancyStore,
  events: EventLog,
  target: { id: number; user: string; role: ProjectRole },
  acting: Acting,
): Promise<ProjectRecord> {
  if ((await store.getUser(acting.workspace, target.user)) === undefined) {
    throw new AllotError('NOT_FOUND', `user "${target.user}" does not exist`, {
      field: 'body.user',
    });
  }
  const since = acting.now.toISOString();
  const written = projectWriteEvent(events, 'project.member.added', acting, {
    details: () => ({ user: target.user, role: target.role }),
    notify: () => [target.user],
  });
  const updated = await store.updateProject(
    acting.workspace,
    target.id,
    (current) => ({
      ...current,
      members: [
        ...current.members.filter((m) => m.user !== target.user),
        { user: target.user, role: target.role, since },
      ],
      updatedAt: since,
    }),
    written.journal,
  );
  await written.announce();
  return updated;
}

/**
 * Removes a member from a project; records `project.member.removed` and
 * notifies the user.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the project does not exist or the user is not a member.
 */
export async function removeProjectMember(
  store: ProjectStore,
  events: EventLog,
  target: { id: number; user: string },
  acting: Acting,
): Promise<ProjectRecord> {
  const written = projectWriteEvent(events, 'project.member.removed', acting, {
    details: () => ({ user: target.user }),
    notify: () => [target.user],
  });
  const updated = await store.updateProject(
    acting.workspace,
    target.id,
    (current) => {
      if (!current.members.some((m) => m.user === target.user)) {
        throw new AllotError(
          'NOT_FOUND',
          `user "${target.user}" is not a member of project ${target.id}`,
          { field: 'body.user' },
        );
      }
      return {
        ...current,
        members: current.members.filter((m) => m.user !== target.user),
        updatedAt: acting.now.toISOString(),
      };
    },
    written.journal,
  );
  await written.announce();
  return updated;
}
