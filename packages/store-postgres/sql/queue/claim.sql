-- Starts an attempt of a job pg-boss delivered. A job still 'running' was
-- delivered again because its worker stopped answering: the new attempt
-- number fences the old worker off (its writes name the attempt it had).
-- Matches nothing for a cancelled or finished job, or one out of attempts.
UPDATE queued_jobs
SET state = 'running', attempts = attempts + 1, progress = NULL, worker = :worker,
    started_at = now(), updated_at = now()
WHERE id = :id AND state IN ('queued', 'running') AND attempts < max_attempts
RETURNING *
