SELECT count(*)::int AS total FROM queued_jobs
WHERE workspace = $1 AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR kind = $3)
