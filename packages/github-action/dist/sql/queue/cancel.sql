-- Cancels a job that has not finished. A running worker learns of it at
-- its next beat, which then matches no row.
UPDATE queued_jobs
SET state = 'cancelled', finished_at = now(), updated_at = now()
WHERE workspace = :workspace AND id = :id AND state IN ('queued', 'running')
RETURNING *
