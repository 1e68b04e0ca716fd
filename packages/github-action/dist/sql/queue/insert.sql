-- A new job, queued. Runs in the transaction that also hands it to pg-boss.
INSERT INTO queued_jobs (id, workspace, kind, payload, state, max_attempts)
VALUES ($1, $2, $3, $4, 'queued', $5)
