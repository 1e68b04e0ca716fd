-- Numbered per workspace, in the same statement: the counter's row is locked only for it.
INSERT INTO audit_events (workspace, id, at, actor, action, target, details)
VALUES (:workspace, next_workspace_id(:workspace, 'audit'), :at, :actor, :action, :target, :details::json)
RETURNING id
