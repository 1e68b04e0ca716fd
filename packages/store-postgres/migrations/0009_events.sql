-- One event log per workspace; the audit log becomes a view of it. The
-- audit table is renamed, not copied, so every entry it holds stays, with
-- its id: an audit entry's action is an event's kind, its target the
-- event's subject.
ALTER TABLE audit_events RENAME TO events;
ALTER TABLE events RENAME COLUMN action TO kind;
ALTER TABLE events RENAME COLUMN target TO subject;
ALTER INDEX audit_events_pkey RENAME TO events_pkey;
-- Events count per workspace on the 'event' counter; audit entries (the
-- events a caller caused) keep counting on the 'audit' one, so the audit
-- log still numbers 1, 2, 3 … while the server's own events (a job
-- finishing, actor 'allot', core's SYSTEM_ACTOR) have no audit id.
ALTER TABLE events
  ADD COLUMN ip text,
  ADD COLUMN project bigint,
  ADD COLUMN audit_id bigint;
UPDATE events SET audit_id = id;
CREATE UNIQUE INDEX events_audit_id ON events (workspace, audit_id) WHERE audit_id IS NOT NULL;
ALTER TABLE workspace_ids DROP CONSTRAINT workspace_ids_kind_check;
ALTER TABLE workspace_ids ADD CONSTRAINT workspace_ids_kind_check
  CHECK (kind IN ('job', 'audit', 'event'));
INSERT INTO workspace_ids (workspace, kind, last_id)
SELECT workspace, 'event', last_id FROM workspace_ids WHERE kind = 'audit';
-- Date-range queries, and those by kind or project, read one workspace's
-- slice of these in time order.
CREATE INDEX events_at ON events (workspace, at);
CREATE INDEX events_kind ON events (workspace, kind, at);
CREATE INDEX events_project ON events (workspace, project, at) WHERE project IS NOT NULL;

-- The audit log as it was, for readers that still name it.
CREATE VIEW audit_events AS
SELECT workspace, audit_id AS id, at, actor, kind AS action, subject AS target, details
FROM events
WHERE audit_id IS NOT NULL;

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
