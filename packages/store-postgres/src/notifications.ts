import type { NotificationQuery, NotificationRecord } from '@allot/core';
import { eventOf, type EventRow } from './event-log.js';
import type { PoolQueries } from './pool-queries.js';

type NotificationRow = EventRow & { notification_id: number; read_at: string | null };

/** A page of a user's notifications, newest first. */
export async function listNotifications(
  db: PoolQueries,
  query: NotificationQuery,
): Promise<NotificationRecord[]> {
  const result = await db.query<NotificationRow>('read notifications', 'list-notifications', {
    workspace: query.workspace,
    user: query.user,
    unread_only: query.unreadOnly === true,
    limit: query.page.limit,
    offset: query.page.offset,
  });
  return result.rows.map((row) => notificationOf(row, query.user));
}

/** One of a user's notifications, with its event. */
export async function getNotification(
  db: PoolQueries,
  target: { workspace: string; user: string; id: number },
): Promise<NotificationRecord | undefined> {
  const result = await db.query<NotificationRow>('read a notification', 'get-notification', {
    workspace: target.workspace,
    user: target.user,
    id: target.id,
  });
  const row = result.rows[0];
  return row === undefined ? undefined : notificationOf(row, target.user);
}

function notificationOf(row: NotificationRow, user: string): NotificationRecord {
  return {
    id: row.notification_id,
    workspace: row.workspace,
    user,
    readAt: row.read_at,
    event: eventOf(row),
  };
}

export async function countUnreadNotifications(
  db: PoolQueries,
  workspace: string,
  user: string,
): Promise<number> {
  const result = await db.query<{ n: number }>(
    'count unread notifications',
    'count-unread-notifications',
    { workspace, user },
  );
  return result.rows[0]?.n ?? 0;
}

/** Marks unread notifications of a user read: all, or those of `ids`; how many changed. */
export async function markNotificationsRead(
  db: PoolQueries,
  options: { workspace: string; user: string; now: Date; ids?: readonly number[] | undefined },
): Promise<number> {
  const result = await db.query('mark notifications read', 'mark-notifications-read', {
    workspace: options.workspace,
    user: options.user,
    now: options.now.toISOString(),
    ids: options.ids === undefined ? null : [...options.ids],
  });
  return result.rowCount ?? 0;
}

export async function deleteNotification(
  db: PoolQueries,
  workspace: string,
  user: string,
  id: number,
): Promise<boolean> {
  const result = await db.query('delete a notification', 'delete-notification', {
    workspace,
    user,
    id,
  });
  return (result.rowCount ?? 0) > 0;
}
