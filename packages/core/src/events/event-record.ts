import type { Page } from '../store/page.js';

/**
 * One change of state in a workspace, recorded once: the audit log, the
 * notifications of users and the webhooks all read the event log.
 * Plain data only: stored as JSON.
 */
export interface EventRecord {
  /** The next of its workspace, from 1. */
  id: number;
  workspace: string;
  /** What happened, dotted: `project.created`, `job.completed`, `block.upload` … */
  kind: string;
  /** The key (and its user), user or process that acted. */
  actor: string;
  /** The address the request came from; null for what the server did by itself. */
  ip: string | null;
  /** The numeric id of the project the event belongs to, if any. */
  project: number | null;
  /** What it happened to, e.g. `project:3`, `job 41`. */
  subject: string;
  /** ISO time. */
  at: string;
  details: Record<string, unknown>;
}

/** An event to append: the log numbers it. */
export type NewEvent = Omit<EventRecord, 'id'>;

/** A query of a workspace's event log, newest first. */
export interface EventQuery {
  workspace: string;
  /** Events at or after this ISO time (inclusive). */
  from?: string;
  /** Events before this ISO time (exclusive). */
  to?: string;
  actor?: string;
  kind?: string;
  project?: number;
  page: Page;
}

/** Whether an event matches a query's filters (its workspace and page aside). */
export function eventMatches(event: EventRecord, query: EventQuery): boolean {
  const at = Date.parse(event.at);
  return (
    (query.from === undefined || at >= Date.parse(query.from)) &&
    (query.to === undefined || at < Date.parse(query.to)) &&
    (query.actor === undefined || event.actor === query.actor) &&
    (query.kind === undefined || event.kind === query.kind) &&
    (query.project === undefined || event.project === query.project)
  );
}
