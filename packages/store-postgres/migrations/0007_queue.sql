-- Queued long work (dataset generation, data assembly, big coverage), as
-- every replica reports it. pg-boss, in its own schema, delivers each job to
-- one worker and hands it to another when that worker stops answering; this
-- table holds what pg-boss does not: the payload and result under allot's
-- names, progress, the attempt count that fences a worker taken for dead,
-- and cancellation that a running worker sees. Not allocation jobs: those
-- have their own tables and ids.
CREATE TABLE queued_jobs (
  id uuid PRIMARY KEY,
  workspace text NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  -- {done, total, message?} as the handler last reported.
  progress jsonb,
  result jsonb,
  -- {code, message} of the last failed attempt.
  error jsonb,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  -- Which process runs (or last ran) the job, for people reading the table.
  worker text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX queued_jobs_by_workspace ON queued_jobs (workspace, created_at DESC, id DESC);
