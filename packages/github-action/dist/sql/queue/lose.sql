-- A job delivered again with no attempt left: its worker died on the last one.
UPDATE queued_jobs
SET state = 'failed', error = $2, finished_at = now(), updated_at = now()
WHERE id = $1 AND state = 'running'
