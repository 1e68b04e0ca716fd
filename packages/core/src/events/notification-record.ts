import type { EventRecord } from './event-record.js';

/**
 * An event as one user's notification. It is addressed by its event's id:
 * an event notifies a user at most once, so the pair is unique.
 */
export interface NotificationRecord {
  /** The id of the event it tells of. */
  id: number;
  workspace: string;
  /** The user notified. */
  user: string;
  /** ISO time it was read; null while unread. */
  readAt: string | null;
  event: EventRecord;
}

/** A page of a user's notifications, newest first. */
export interface NotificationQuery {
  workspace: string;
  user: string;
  /** Only unread ones. */
  unreadOnly?: boolean;
  page: { limit: number; offset: number };
}
