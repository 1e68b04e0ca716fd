-- A user's notifications with their events, newest first.
SELECT n.event_id AS notification_id, iso(n.read_at) AS read_at,
  e.id, e.workspace, e.kind, e.actor, e.ip, e.project, e.subject, iso(e.at) AS at, e.details
FROM notifications n
JOIN events e ON e.workspace = n.workspace AND e.id = n.event_id
WHERE n.workspace = :workspace AND n.user_id = :user
  AND (NOT :unread_only::boolean OR n.read_at IS NULL)
ORDER BY n.event_id DESC
LIMIT :limit OFFSET :offset
