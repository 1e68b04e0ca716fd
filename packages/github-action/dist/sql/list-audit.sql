-- Newest first.
SELECT id, workspace, iso(at) AS at, actor, action, target, details
FROM audit_events
WHERE workspace = $1
ORDER BY id DESC
LIMIT $2 OFFSET $3
