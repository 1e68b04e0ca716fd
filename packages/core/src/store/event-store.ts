import type { AuditEvent } from '../model/audit-event.js';
import type { Page } from './page.js';

/** The events slice of the {@link Store}: the audit log of each workspace. */
export interface EventStore {
  /** Appends to the audit log and returns the event with its id, the next of its workspace. */
  appendAudit(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent>;
  /** Newest first. */
  listAudit(workspace: string, page: Page): Promise<AuditEvent[]>;
}
