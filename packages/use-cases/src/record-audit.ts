import type { AuditEvent, EventStore } from '@allot/core';

/** Records who did what to what in a workspace. */
export function recordAudit(store: EventStore, event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
  return store.appendAudit(event);
}
