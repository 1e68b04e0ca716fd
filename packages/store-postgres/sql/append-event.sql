-- An event, numbered per workspace (and among audit entries when
-- :audited), and a notification of it for each user in :users: one
-- statement, so all or none are written.
WITH event AS (
  INSERT INTO events (workspace, id, audit_id, at, actor, kind, subject, ip, project, details)
  VALUES (:workspace, next_workspace_id(:workspace, 'event'),
    CASE WHEN :audited::boolean THEN next_workspace_id(:workspace, 'audit') END,
    :at, :actor, :kind, :subject, :ip, :project, :details::json)
  RETURNING id
), notified AS (
  INSERT INTO notifications (workspace, user_id, event_id)
  SELECT DISTINCT :workspace, u.user_id, event.id
  FROM event, unnest(:users::text[]) AS u (user_id)
)
SELECT id FROM event
