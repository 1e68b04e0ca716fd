-- A workspace's jobs, newest first; a null filter matches every job.
SELECT * FROM queued_jobs
WHERE workspace = :workspace AND (:state::text IS NULL OR state = :state) AND (:kind::text IS NULL OR kind = :kind)
ORDER BY created_at DESC, id DESC
LIMIT :limit OFFSET :offset
