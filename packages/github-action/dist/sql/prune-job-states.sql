-- Forgets finished jobs' states last updated before :before, in every workspace.
DELETE FROM job_states
WHERE phase IN ('done', 'error') AND updated_at < :before
