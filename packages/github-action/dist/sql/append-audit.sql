INSERT INTO audit_events (workspace, at, actor, action, target, details)
VALUES ($1, $2, $3, $4, $5, $6::json)
RETURNING id
