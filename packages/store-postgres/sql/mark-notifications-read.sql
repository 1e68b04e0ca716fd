-- Unread notifications of a user, all of them or those of :ids.
UPDATE notifications SET read_at = :now
WHERE workspace = :workspace AND user_id = :user AND read_at IS NULL
  AND (:ids::bigint[] IS NULL OR event_id = ANY (:ids::bigint[]))
