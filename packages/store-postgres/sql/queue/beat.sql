-- A running attempt's beat: writes its last progress (when it has a new
-- one) and answers whether the attempt still owns the job. No row back
-- means cancelled, or handed to another worker.
UPDATE queued_jobs
SET progress = COALESCE(:progress::jsonb, progress),
    updated_at = CASE WHEN :progress::jsonb IS NULL THEN updated_at ELSE now() END
WHERE id = :id AND attempts = :attempt AND state = 'running'
RETURNING state
