-- A workspace's jobs, newest first; a null filter matches every job.
SELECT * FROM queued_jobs
WHERE workspace = $1 AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR kind = $3)
ORDER BY created_at DESC, id DESC
LIMIT $4 OFFSET $5
