SELECT n.event_id AS notification_id, iso(n.read_at) AS read_at,
  e.id, e.workspace, e.kind, e.actor, e.ip, e.project, e.subject, iso(e.at) AS at, e.details
FROM notifications n
JOIN events e ON e.workspace = n.workspace AND e.id = n.event_id
WHERE n.workspace = :workspace AND n.user_id = :user AND n.event_id = :id
