-- One event log per workspace; the audit log becomes a view of it. The
-- audit table is renamed, not copied, so every entry it holds stays, with
-- its id: an audit entry's action is an event's kind, its target the
-- event's subject. Events and audit entries share the 'audit' counter of
-- next_workspace_id.
ALTER TABLE audit_events RENAME TO events;
ALTER TABLE events RENAME COLUMN action TO kind;
ALTER TABLE events RENAME COLUMN target TO subject;
ALTER TABLE events
  ADD COLUMN ip text,
  ADD COLUMN project bigint;
ALTER INDEX audit_events_pkey RENAME TO events_pkey;
-- Date-range queries, and those by kind or project, read one workspace's
-- slice of these in time order.
CREATE INDEX events_at ON events (workspace, at);
CREATE INDEX events_kind ON events (workspace, kind, at);
CREATE INDEX events_project ON events (workspace, project, at) WHERE project IS NOT NULL;

-- The audit log as it was, for everything a caller did: what the server
-- does by itself (actor 'allot', core's SYSTEM_ACTOR: a job finishing) is
-- an event but nobody's action. Readers and writers that still name
-- audit_events keep working (a simple view: inserts go to events).
CREATE VIEW audit_events AS
SELECT workspace, id, at, actor, kind AS action, subject AS target, details
FROM events
WHERE actor <> 'allot';

-- Each user's notifications of events: written with the event, addressed
-- by the event's id within the user.
CREATE TABLE notifications (
  workspace text NOT NULL,
  user_id text NOT NULL,
  event_id bigint NOT NULL,
  read_at timestamptz,
  PRIMARY KEY (workspace, user_id, event_id),
  FOREIGN KEY (workspace, event_id) REFERENCES events (workspace, id) ON DELETE CASCADE
);
CREATE INDEX notifications_unread ON notifications (workspace, user_id) WHERE read_at IS NULL;
