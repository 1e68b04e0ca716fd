import { auditOfEvent, eventOfAudit, isAudited } from '../events/audit-view.js';
import {
  eventMatches,
  type EventQuery,
  type EventRecord,
  type NewEvent,
} from '../events/event-record.js';
import type { NotificationQuery, NotificationRecord } from '../events/notification-record.js';
import type { AuditEvent } from '../model/audit-event.js';
import { draftWorkspace } from './draft-workspace.js';
import type { EventStore } from './event-store.js';
import type { Mutex } from './mutex.js';
import type { NotificationStore } from './notification-store.js';
import { ownEntry, setOwnEntry } from './own-entry.js';
import type { Page } from './page.js';
import type { SavedDocument } from './saved-document.js';
import {
  notificationKey,
  type LoggedEvent,
  type StoreDocument,
  type StoredNotification,
  type WorkspaceDocument,
} from './store-document.js';

/**
 * Appends an event (and its notifications) to a draft of the document:
 * numbered per workspace, like jobs, and an audited one in the audit log's
 * own count too, so that each counts 1, 2, 3 … without gaps. For writes
 * that record their event in the same save (projects).
 */
export function appendEventToDraft(
  draft: StoreDocument,
  event: NewEvent,
  notify: readonly string[],
): { event: EventRecord; auditId: number | undefined } {
  const ids = ownEntry(draft.workspaces, event.workspace)?.lastIds ?? { job: 0, audit: 0 };
  const stored: EventRecord = { ...event, id: (ids.event ?? ids.audit) + 1 };
  const auditId = isAudited(event) ? ids.audit + 1 : undefined;
  const ws = draftWorkspace(draft, event.workspace, 'notifications');
  ws.audit = [...ws.audit, auditId === undefined ? stored : { ...stored, auditId }];
  ws.lastIds = { ...ws.lastIds, audit: auditId ?? ids.audit, event: stored.id };
  const notifications = ws.notifications as Record<string, StoredNotification>;
  for (const user of new Set(notify)) {
    const key = notificationKey(user, stored.id);
    setOwnEntry(notifications, key, { id: stored.id, user, readAt: null });
  }
  return { event: stored, auditId };
}

/**
 * The event log and notifications of the document store. It shares the
 * store's document and mutex: an event and its notifications are one save.
 */
export class DocumentEvents implements EventStore, NotificationStore {
  readonly #saved: SavedDocument;
  readonly #mutex: Mutex;

  constructor(saved: SavedDocument, mutex: Mutex) {
    this.#saved = saved;
    this.#mutex = mutex;
  }

  async appendEvent(event: NewEvent, notify: readonly string[] = []): Promise<EventRecord> {
    return (await this.#append(event, notify)).event;
  }

  /**
   * Numbers an event per workspace, like jobs, and an audited one in the
   * audit log's own count too, so that each counts 1, 2, 3 … without gaps.
   */
  #append(
    event: NewEvent,
    notify: readonly string[],
  ): Promise<{ event: EventRecord; auditId: number | undefined }> {
    return this.#mutex.run(async () => {
      let appended: { event: EventRecord; auditId: number | undefined } | undefined;
      await this.#saved.update((draft) => {
        appended = appendEventToDraft(draft, event, notify);
      });
      return appended as { event: EventRecord; auditId: number | undefined };
    });
  }

  listEvents(query: EventQuery): Promise<EventRecord[]> {
    const matching = this.#events(query.workspace).filter((e) => eventMatches(e, query));
    const { limit, offset } = query.page;
    return Promise.resolve(matching.reverse().slice(offset, offset + limit));
  }

  async appendAudit(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
    const { event: stored, auditId } = await this.#append(eventOfAudit(event), []);
    return { ...auditOfEvent(stored), id: auditId ?? stored.id };
  }

  listAudit(workspace: string, page: Page): Promise<AuditEvent[]> {
    const audited = (this.#workspace(workspace)?.audit ?? []).flatMap((entry) => {
      const auditId = 'kind' in entry ? entry.auditId : entry.id;
      return auditId === undefined ? [] : [{ ...auditOfEvent(eventOfLogged(entry)), id: auditId }];
    });
    return Promise.resolve(audited.reverse().slice(page.offset, page.offset + page.limit));
  }

  listNotifications(query: NotificationQuery): Promise<NotificationRecord[]> {
    const mine = this.#notificationsOf(query.workspace, query.user)
      .filter((n) => query.unreadOnly !== true || n.readAt === null)
      .sort((a, b) => b.id - a.id)
      .slice(query.page.offset, query.page.offset + query.page.limit);
    const byId = new Map(this.#events(query.workspace).map((e) => [e.id, e]));
    return Promise.resolve(
      mine.flatMap((n) => {
        const event = byId.get(n.id);
        return event === undefined ? [] : [{ ...n, workspace: query.workspace, event }];
      }),
    );
  }

  getNotification(
    workspace: string,
    user: string,
    id: number,
  ): Promise<NotificationRecord | undefined> {
    const stored = ownEntry(
      this.#workspace(workspace)?.notifications ?? {},
      notificationKey(user, id),
    );
    const event = this.#events(workspace).find((e) => e.id === id);
    return Promise.resolve(
      stored === undefined || event === undefined ? undefined : { ...stored, workspace, event },
    );
  }

  countUnreadNotifications(workspace: string, user: string): Promise<number> {
    return Promise.resolve(
      this.#notificationsOf(workspace, user).filter((n) => n.readAt === null).length,
    );
  }

  markNotificationsRead(
    workspace: string,
    user: string,
    now: Date,
    ids?: readonly number[],
  ): Promise<number> {
    return this.#mutex.run(async () => {
      const wanted = ids === undefined ? undefined : new Set(ids);
      const unread = this.#notificationsOf(workspace, user).filter(
        (n) => n.readAt === null && (wanted === undefined || wanted.has(n.id)),
      );
      if (unread.length === 0) return 0;
      await this.#saved.update((draft) => {
        const ws = draftWorkspace(draft, workspace, 'notifications');
        const notifications = ws.notifications as Record<string, StoredNotification>;
        for (const n of unread) {
          setOwnEntry(notifications, notificationKey(user, n.id), {
            ...n,
            readAt: now.toISOString(),
          });
        }
      });
      return unread.length;
    });
  }

  deleteNotification(workspace: string, user: string, id: number): Promise<boolean> {
    return this.#mutex.run(async () => {
      const key = notificationKey(user, id);
      if (ownEntry(this.#workspace(workspace)?.notifications ?? {}, key) === undefined) {
        return false;
      }
      await this.#saved.update((draft) => {
        const ws = draftWorkspace(draft, workspace, 'notifications');
        delete (ws.notifications as Record<string, StoredNotification>)[key];
      });
      return true;
    });
  }

  /** The log of a workspace as events, oldest first (a fresh array). */
  #events(workspace: string): EventRecord[] {
    return (this.#workspace(workspace)?.audit ?? []).map(eventOfLogged);
  }

  #notificationsOf(workspace: string, user: string): StoredNotification[] {
    return Object.values(this.#workspace(workspace)?.notifications ?? {}).filter(
      (n) => n.user === user,
    );
  }

  #workspace(workspace: string): WorkspaceDocument | undefined {
    return ownEntry(this.#saved.current.workspaces, workspace);
  }
}

/** An entry of the log as an event, whether it was written as one or as an audit entry. */
function eventOfLogged(entry: LoggedEvent): EventRecord {
  if ('kind' in entry) {
    const { auditId: _auditId, ...event } = entry;
    return event;
  }
  const { action, target, ...rest } = entry;
  return { ...rest, kind: action, subject: target, ip: null, project: null };
}
