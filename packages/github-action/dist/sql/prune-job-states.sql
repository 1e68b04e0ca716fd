-- Forgets finished jobs' states last updated before $1, in every workspace.
DELETE FROM job_states
WHERE phase IN ('done', 'error') AND updated_at < $1
