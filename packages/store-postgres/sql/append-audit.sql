-- Numbered per workspace, in the same statement: the counter's row is locked only for it.
INSERT INTO audit_events (workspace, id, at, actor, action, target, details)
VALUES ($1, next_workspace_id($1, 'audit'), $2, $3, $4, $5, $6::json)
RETURNING id
