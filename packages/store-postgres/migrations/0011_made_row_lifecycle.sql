-- Made rows with a lifecycle: rows a make created that are torn down once
-- their test is done with them (never twice: the state is compared and set
-- in one statement), and rows made ahead of demand by a pool's top-up.
CREATE TABLE made_rows (
  workspace text NOT NULL,
  block text NOT NULL,
  row_key text NOT NULL,
  pool text NOT NULL,
  suite text NOT NULL,
  test text NOT NULL,
  columns jsonb NOT NULL,
  row_values jsonb NOT NULL,
  -- The resolution server the row was inserted on; null for a data block's row.
  server text,
  -- {sql} or {http: {method, url, headers}}; null for a row kept after the run.
  teardown jsonb,
  origin text NOT NULL CHECK (origin IN ('make', 'top-up')),
  -- The job holding the row; its release or expiry makes the teardown due.
  job_id bigint,
  expires_at timestamptz,
  state text NOT NULL CHECK (state IN ('held', 'due', 'queued', 'running', 'done', 'failed', 'kept')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace, block, row_key)
);
-- The sweep looks for rows whose job lapsed, and for due rows to queue.
CREATE INDEX made_rows_pending ON made_rows (state, expires_at) WHERE state IN ('held', 'due');
CREATE INDEX made_rows_job ON made_rows (workspace, job_id) WHERE job_id IS NOT NULL;
CREATE INDEX made_rows_listing ON made_rows (workspace, created_at DESC);

-- Make quotas: the current window of each bucket (`server:<name>`,
-- `make:<workspace>:<id>`), counted by every replica in one statement.
CREATE TABLE quota_windows (
  bucket text PRIMARY KEY,
  -- Epoch milliseconds of the window's start.
  window_start bigint NOT NULL,
  used integer NOT NULL
);
