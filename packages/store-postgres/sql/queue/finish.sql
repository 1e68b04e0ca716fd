-- Ends an attempt that still owns its job: 'completed' or 'failed' for
-- good, or 'queued' for a retry. :given_back (1 or 0) gives back an
-- attempt that was not the handler's fault (the process was stopping).
UPDATE queued_jobs
SET state = :state, result = :result, error = :error, attempts = attempts - :given_back,
    progress = COALESCE(:progress::jsonb, progress),
    finished_at = CASE WHEN :state IN ('completed', 'failed') THEN now() ELSE NULL END,
    updated_at = now()
WHERE id = :id AND attempts = :attempt AND state = 'running'
