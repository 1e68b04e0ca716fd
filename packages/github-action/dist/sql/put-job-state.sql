-- Creates or replaces a job's state: only the replica running the job writes it.
INSERT INTO job_states (workspace, id, phase, server, created_user, key_id, tests, progress, answered_by, error, created_at, updated_at)
VALUES (:workspace, :id, :phase, :server, :created_user, :key_id, :tests, :progress::json,
  :answered_by, :error::json, :created_at, :updated_at)
ON CONFLICT (workspace, id) DO UPDATE SET
  phase = excluded.phase,
  server = excluded.server,
  created_user = excluded.created_user,
  key_id = excluded.key_id,
  tests = excluded.tests,
  progress = excluded.progress,
  answered_by = excluded.answered_by,
  error = excluded.error,
  created_at = excluded.created_at,
  updated_at = excluded.updated_at
