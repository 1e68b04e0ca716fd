import type { AuditEvent, EventStore, Page } from '@allot/core';

/** A page of a workspace's audit log, newest first. */
export function listAudit(store: EventStore, workspace: string, page: Page): Promise<AuditEvent[]> {
  return store.listAudit(workspace, page);
}
