import type { AuditEvent } from '../model/audit-event.js';
import type { EventRecord, NewEvent } from './event-record.js';

/**
 * How the event log names the server when it acts on its own (a job
 * finishing). The audit log says who did what: it leaves these out.
 */
export const SYSTEM_ACTOR = 'allot';

/** Whether an event shows in the audit log: everything a caller did. */
export function isAudited(event: { actor: string }): boolean {
  return event.actor !== SYSTEM_ACTOR;
}

/**
 * The audit log is a view of the event log: an audit entry is an event
 * whose `kind` is its `action` and whose `subject` is its `target`, for
 * every event a caller caused ({@link isAudited}). Its ids are its own,
 * counted among audit entries only (1, 2, 3 … as before the event log), so
 * they match the event's id until the server first records an event of its
 * own. These functions are that view, so that every store shows it alike;
 * the store gives the audit id.
 */
export function auditOfEvent(event: EventRecord): AuditEvent {
  return {
    id: event.id,
    workspace: event.workspace,
    at: event.at,
    actor: event.actor,
    action: event.kind,
    target: event.subject,
    details: event.details,
  };
}

/** The event an audit entry records: no address, no project. */
export function eventOfAudit(entry: Omit<AuditEvent, 'id'>): NewEvent {
  return {
    workspace: entry.workspace,
    kind: entry.action,
    actor: entry.actor,
    ip: null,
    project: null,
    subject: entry.target,
    at: entry.at,
    details: entry.details,
  };
}
