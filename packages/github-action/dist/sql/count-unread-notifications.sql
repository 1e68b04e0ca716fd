SELECT count(*)::integer AS n
FROM notifications
WHERE workspace = $1 AND user_id = $2 AND read_at IS NULL
