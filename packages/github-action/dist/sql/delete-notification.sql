DELETE FROM notifications WHERE workspace = $1 AND user_id = $2 AND event_id = $3
