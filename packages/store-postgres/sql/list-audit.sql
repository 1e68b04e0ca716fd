-- Newest first.
SELECT id, workspace, iso(at) AS at, actor, action, target, details
FROM audit_events
WHERE workspace = :workspace
ORDER BY id DESC
LIMIT :limit OFFSET :offset
