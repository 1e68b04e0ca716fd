DELETE FROM notifications WHERE workspace = :workspace AND user_id = :user AND event_id = :id
