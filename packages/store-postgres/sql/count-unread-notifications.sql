SELECT count(*)::integer AS n
FROM notifications
WHERE workspace = :workspace AND user_id = :user AND read_at IS NULL
