-- A new job, queued. Runs in the transaction that also hands it to pg-boss.
INSERT INTO queued_jobs (id, workspace, kind, payload, state, max_attempts)
VALUES (:id, :workspace, :kind, :payload, 'queued', :max_attempts)
