-- An event, numbered per workspace (the counter the audit log shares), and
-- a notification of it for each user in :users: one statement, so both or
-- neither are written.
WITH event AS (
  INSERT INTO events (workspace, id, at, actor, kind, subject, ip, project, details)
  VALUES (:workspace, next_workspace_id(:workspace, 'audit'), :at, :actor, :kind, :subject,
    :ip, :project, :details::json)
  RETURNING id
), notified AS (
  INSERT INTO notifications (workspace, user_id, event_id)
  SELECT DISTINCT :workspace, u.user_id, event.id
  FROM event, unnest(:users::text[]) AS u (user_id)
)
SELECT id FROM event
