-- The state of every job from the moment it is queued, so that any replica
-- can answer for a job another replica runs: its phase, progress, and the
-- committed job that answered it. Only the replica running a job writes it.
-- Keyed by workspace and id: ids need only be unique within a workspace.
CREATE TABLE job_states (
  workspace text NOT NULL,
  id bigint NOT NULL,
  phase text NOT NULL CHECK (phase IN ('queued', 'running', 'done', 'error')),
  server text NOT NULL,
  created_user text,
  key_id text,
  tests integer NOT NULL,
  -- {phase, done, total} as the engine reported it last.
  progress json,
  -- The committed job holding the results: the job itself, or an earlier
  -- live job of the same bundle (an alias).
  answered_by bigint,
  -- {code, message} of a job that ended in error.
  error json,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace, id)
);
-- Pruning looks for finished states by age.
CREATE INDEX job_states_finished ON job_states (updated_at) WHERE phase IN ('done', 'error');
