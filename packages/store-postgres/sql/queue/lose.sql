-- A job delivered again with no attempt left: its worker died on the last one.
UPDATE queued_jobs
SET state = 'failed', error = :error, finished_at = now(), updated_at = now()
WHERE id = :id AND state = 'running'
