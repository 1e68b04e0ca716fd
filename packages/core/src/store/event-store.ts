import type { EventQuery, EventRecord, NewEvent } from '../events/event-record.js';
import type { AuditEvent } from '../model/audit-event.js';
import type { Page } from './page.js';

/**
 * The events slice of the {@link Store}: one event log per workspace. The
 * audit log is a view of it (an audit entry's `action` is an event's
 * `kind`, its `target` the event's `subject`), so both number from the
 * same counter and list the same entries.
 */
export interface EventStore {
  /**
   * Appends an event and, in the same write, a notification of it for each
   * user in `notify` (repeats ignored). Returns the event with its id, the
   * next of its workspace.
   */
  appendEvent(event: NewEvent, notify?: readonly string[]): Promise<EventRecord>;
  /** Events of a workspace that match the query, newest first, one page of them. */
  listEvents(query: EventQuery): Promise<EventRecord[]>;
  /** Appends to the audit log (an event with no address or project) and returns the entry with its id. */
  appendAudit(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent>;
  /** Newest first. */
  listAudit(workspace: string, page: Page): Promise<AuditEvent[]>;
}
