-- Ends an attempt that still owns its job: 'completed' or 'failed' for
-- good, or 'queued' for a retry. $6 gives back an attempt that was not the
-- handler's fault (the process was stopping).
UPDATE queued_jobs
SET state = $3, result = $4, error = $5, attempts = attempts - $6,
    progress = COALESCE($7::jsonb, progress),
    finished_at = CASE WHEN $3 IN ('completed', 'failed') THEN now() ELSE NULL END,
    updated_at = now()
WHERE id = $1 AND attempts = $2 AND state = 'running'
