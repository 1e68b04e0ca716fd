import {
  AllotError,
  type NotificationQuery,
  type NotificationRecord,
  type NotificationStore,
} from '@allot/core';

/** A page of a user's notifications, newest first. */
export function listNotifications(
  store: NotificationStore,
  query: NotificationQuery,
): Promise<NotificationRecord[]> {
  return store.listNotifications(query);
}

/** How many of a user's notifications are unread. */
export function countUnreadNotifications(
  store: NotificationStore,
  workspace: string,
  user: string,
): Promise<number> {
  return store.countUnreadNotifications(workspace, user);
}

/** One of a user's notifications; `NOT_FOUND` when the user has none with this id. */
export async function readNotification(
  store: NotificationStore,
  target: { workspace: string; user: string; id: number },
): Promise<NotificationRecord> {
  const found = await store.getNotification(target.workspace, target.user, target.id);
  if (found === undefined) {
    throw new AllotError('NOT_FOUND', `notification ${target.id} does not exist`);
  }
  return found;
}

/**
 * Marks a user's notifications read: those of `ids`, or all; how many
 * changed. `NOT_FOUND` naming the first id the user has no notification
 * for, before anything is marked.
 */
export async function markNotificationsRead(
  store: NotificationStore,
  target: { workspace: string; user: string; ids?: readonly number[] },
  now: Date,
): Promise<number> {
  for (const id of target.ids ?? []) await readNotification(store, { ...target, id });
  return store.markNotificationsRead(target.workspace, target.user, now, target.ids);
}

/** Deletes one of a user's notifications; `NOT_FOUND` when the user has none with this id. */
export async function deleteNotification(
  store: NotificationStore,
  target: { workspace: string; user: string; id: number },
): Promise<void> {
  if (!(await store.deleteNotification(target.workspace, target.user, target.id))) {
    throw new AllotError('NOT_FOUND', `notification ${target.id} does not exist`);
  }
}
