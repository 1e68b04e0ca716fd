import type { NotificationQuery, NotificationRecord } from '../events/notification-record.js';

/**
 * The notifications slice of the {@link Store}: each user's view of the
 * events that concern them (written with the event, see
 * {@link EventStore.appendEvent}). A notification is addressed by its
 * event's id within its user.
 */
export interface NotificationStore {
  /** A user's notifications, newest first, one page of them. */
  listNotifications(query: NotificationQuery): Promise<NotificationRecord[]>;
  /** One of a user's notifications, with its event. */
  getNotification(
    workspace: string,
    user: string,
    id: number,
  ): Promise<NotificationRecord | undefined>;
  countUnreadNotifications(workspace: string, user: string): Promise<number>;
  /**
   * Marks notifications of a user read (`ids` omitted: all of them); how
   * many changed. Ids the user has no notification for are left out of the
   * count: the caller checks them first when it must answer 404.
   */
  markNotificationsRead(
    workspace: string,
    user: string,
    now: Date,
    ids?: readonly number[],
  ): Promise<number>;
  /** True when the user had this notification. */
  deleteNotification(workspace: string, user: string, id: number): Promise<boolean>;
}
