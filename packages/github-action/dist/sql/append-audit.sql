-- An event a caller caused, numbered per workspace among events and among
-- audit entries, in the same statement: the counters' rows are locked only for it.
INSERT INTO events (workspace, id, audit_id, at, actor, kind, subject, details)
VALUES (:workspace, next_workspace_id(:workspace, 'event'), next_workspace_id(:workspace, 'audit'),
  :at, :actor, :action, :target, :details::json)
RETURNING audit_id AS id
