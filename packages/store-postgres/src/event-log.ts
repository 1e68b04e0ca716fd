import { isAudited, type EventQuery, type EventRecord, type NewEvent } from '@allot/core';
import type pg from 'pg';
import { storeFailure } from './pg-errors.js';
import type { PoolQueries } from './pool-queries.js';
import type { SqlRunner } from './sql-runner.js';

/** An event as `list-events` and `list-notifications` read it. */
export interface EventRow {
  id: number;
  workspace: string;
  kind: string;
  actor: string;
  ip: string | null;
  project: number | null;
  subject: string;
  at: string;
  details: Record<string, unknown>;
}

export function eventOf(row: EventRow): EventRecord {
  return {
    id: row.id,
    workspace: row.workspace,
    kind: row.kind,
    actor: row.actor,
    ip: row.ip,
    project: row.project,
    subject: row.subject,
    at: row.at,
    details: row.details,
  };
}

/** Appends an event and its users' notifications in one statement; the database numbers it. */
export async function appendEvent(
  db: PoolQueries,
  event: NewEvent,
  notify: readonly string[] = [],
): Promise<EventRecord> {
  try {
    return await appendEventOn(db.sql, db.pool, event, notify);
  } catch (error) {
    throw storeFailure(error, 'append an event');
  }
}

/**
 * Appends an event on a given client: inside the transaction of a write
 * that records its event with it (projects), so both commit or neither.
 */
export async function appendEventOn(
  sql: SqlRunner,
  client: pg.Pool | pg.PoolClient,
  event: NewEvent,
  notify: readonly string[] = [],
): Promise<EventRecord> {
  const result = await sql.run<{ id: number }>(client, 'append-event', {
    workspace: event.workspace,
    at: event.at,
    actor: event.actor,
    kind: event.kind,
    subject: event.subject,
    ip: event.ip,
    project: event.project,
    details: JSON.stringify(event.details),
    users: [...notify],
    audited: isAudited(event),
  });
  return { ...event, id: result.rows[0]?.id as number };
}

/** A page of a workspace's events that match the query, newest first. */
export async function listEvents(db: PoolQueries, query: EventQuery): Promise<EventRecord[]> {
  const result = await db.query<EventRow>('read the event log', 'list-events', {
    workspace: query.workspace,
    from: query.from ?? null,
    to: query.to ?? null,
    actor: query.actor ?? null,
    kind: query.kind ?? null,
    project: query.project ?? null,
    limit: query.page.limit,
    offset: query.page.offset,
  });
  return result.rows.map(eventOf);
}
