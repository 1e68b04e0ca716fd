-- Cancels a job that has not finished. A running worker learns of it at
-- its next beat, which then matches no row.
UPDATE queued_jobs
SET state = 'cancelled', finished_at = now(), updated_at = now()
WHERE workspace = $1 AND id = $2 AND state IN ('queued', 'running')
RETURNING *
