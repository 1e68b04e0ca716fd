-- A running attempt's beat: writes its last progress (when it has a new
-- one) and answers whether the attempt still owns the job. No row back
-- means cancelled, or handed to another worker.
UPDATE queued_jobs
SET progress = COALESCE($3::jsonb, progress),
    updated_at = CASE WHEN $3::jsonb IS NULL THEN updated_at ELSE now() END
WHERE id = $1 AND attempts = $2 AND state = 'running'
RETURNING state
