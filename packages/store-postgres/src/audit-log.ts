import type { AuditEvent, Page } from '@allot/core';
import type { PoolQueries } from './pool-queries.js';
import { auditOf, type AuditRow } from './records.js';

/** Appends an event to its workspace's audit log; the database numbers it. */
export async function appendAudit(
  db: PoolQueries,
  event: Omit<AuditEvent, 'id'>,
): Promise<AuditEvent> {
  const values = {
    workspace: event.workspace,
    at: event.at,
    actor: event.actor,
    action: event.action,
    target: event.target,
    details: JSON.stringify(event.details),
  };
  const result = await db.query<{ id: number }>('append to the audit log', 'append-audit', values);
  return { ...event, id: result.rows[0]?.id as number };
}

/** A page of a workspace's audit log. */
export async function listAudit(
  db: PoolQueries,
  workspace: string,
  page: Page,
): Promise<AuditEvent[]> {
  const result = await db.query<AuditRow>('read the audit log', 'list-audit', {
    workspace,
    limit: page.limit,
    offset: page.offset,
  });
  return result.rows.map(auditOf);
}
