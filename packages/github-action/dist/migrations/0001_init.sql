-- allot's tables. The runner sets search_path to the store's schema, so
-- names here are unqualified; one schema holds one store.

-- Times come back as the strings the model carries (Date#toISOString).
CREATE FUNCTION iso(at timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT
  RETURN to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  workspace text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  secret_hash text NOT NULL,
  user_id text,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX api_keys_workspace ON api_keys (workspace);

CREATE TABLE users (
  workspace text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  email text NOT NULL,
  role text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace, id)
);

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace text NOT NULL,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  details json NOT NULL
);
CREATE INDEX audit_events_workspace ON audit_events (workspace, id DESC);

-- json, not jsonb, wherever objects are kept: jsonb reorders keys, and the
-- order of a pool's make columns or a result's columns is the user's.
CREATE TABLE pools (
  workspace text NOT NULL,
  name text NOT NULL,
  definition json NOT NULL,
  PRIMARY KEY (workspace, name)
);

-- One row per block: locked (by bumping `versions`) whenever a version is
-- added, so versions of one block are numbered one at a time.
CREATE TABLE blocks (
  workspace text NOT NULL,
  name text NOT NULL,
  versions integer NOT NULL,
  PRIMARY KEY (workspace, name)
);

CREATE TABLE block_versions (
  workspace text NOT NULL,
  block text NOT NULL,
  version text NOT NULL,
  seq integer NOT NULL,
  columns json NOT NULL,
  key_column text,
  row_count integer NOT NULL,
  origin text NOT NULL CHECK (origin IN ('import', 'make')),
  parent text,
  -- The import this version descends from: made rows extend its key space.
  lineage text NOT NULL,
  source_hash text,
  job_id bigint,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace, block, version),
  UNIQUE (workspace, block, seq),
  FOREIGN KEY (workspace, block) REFERENCES blocks (workspace, name)
);

-- A version's own rows only: a made version holds just the rows it appends.
CREATE TABLE block_rows (
  workspace text NOT NULL,
  block text NOT NULL,
  version text NOT NULL,
  lineage text NOT NULL,
  ordinal integer NOT NULL,
  -- The value of the version's key column as a string, when it has one.
  key text,
  -- json keeps the text as written: reading a block back is a copy, not a re-serialisation.
  "values" json NOT NULL,
  PRIMARY KEY (workspace, block, version, ordinal),
  FOREIGN KEY (workspace, block, version) REFERENCES block_versions (workspace, block, version)
);
-- A made row cannot repeat a key of the rows it joins, even if a check is missed.
CREATE UNIQUE INDEX block_rows_key ON block_rows (workspace, block, lineage, key) WHERE key IS NOT NULL;

CREATE SEQUENCE job_ids;

CREATE TABLE jobs (
  id bigint PRIMARY KEY,
  workspace text NOT NULL,
  bundle_key text NOT NULL,
  state text NOT NULL,
  namespace text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  released_at timestamptz,
  allocated integer NOT NULL,
  made integer NOT NULL,
  cached integer NOT NULL,
  failed integer NOT NULL,
  -- Bumped by every change to the job or its tests, so a replica can keep
  -- a job record and ask only whether it is still current.
  revision integer NOT NULL DEFAULT 0
);
CREATE INDEX jobs_bundle ON jobs (workspace, bundle_key, id DESC);
CREATE INDEX jobs_workspace ON jobs (workspace, id DESC);

CREATE TABLE job_tests (
  job_id bigint NOT NULL REFERENCES jobs (id),
  test_index integer NOT NULL,
  pool text NOT NULL,
  suite text NOT NULL,
  test text NOT NULL,
  status text NOT NULL,
  reason text,
  rows json NOT NULL,
  read_only boolean NOT NULL,
  consume boolean NOT NULL,
  from_job bigint,
  released_at timestamptz,
  PRIMARY KEY (job_id, test_index)
);
CREATE INDEX job_tests_ref ON job_tests (job_id, pool, suite, test);

-- A job record as the model has it, tests in order.
CREATE VIEW job_records AS
SELECT
  j.workspace,
  j.id,
  j.bundle_key,
  j.expires_at,
  j.released_at,
  j.revision,
  json_build_object(
    'id', j.id,
    'workspace', j.workspace,
    'bundleKey', j.bundle_key,
    'state', j.state,
    'namespace', j.namespace,
    'createdAt', iso(j.created_at),
    'expiresAt', iso(j.expires_at),
    'releasedAt', iso(j.released_at),
    'tests', (
      SELECT coalesce(json_agg(json_build_object(
        'pool', t.pool,
        'suite', t.suite,
        'test', t.test,
        'status', t.status,
        'reason', t.reason,
        'rows', t.rows,
        'readOnly', t.read_only,
        'consume', t.consume,
        'fromJob', t.from_job,
        'releasedAt', iso(t.released_at)
      ) ORDER BY t.test_index), '[]'::json)
      FROM job_tests t
      WHERE t.job_id = j.id
    ),
    'allocated', j.allocated,
    'made', j.made,
    'cached', j.cached,
    'failed', j.failed
  ) AS record
FROM jobs j;

CREATE TABLE results (
  workspace text NOT NULL,
  pool text NOT NULL,
  suite text NOT NULL,
  test text NOT NULL,
  job_id bigint NOT NULL,
  columns json NOT NULL,
  rows json NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace, pool, suite, test)
);

-- A live hold on a row. Releasing deletes the row; an expired row is
-- deleted by the next commit that claims the same row, before it inserts.
CREATE TABLE leases (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace text NOT NULL,
  block text NOT NULL,
  row_key text NOT NULL,
  job_id bigint NOT NULL,
  test_index integer NOT NULL,
  shared boolean NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
-- The guarantee itself: one exclusive lease per row. A bug in the claim
-- statement still cannot hand a row out twice; the insert fails instead.
CREATE UNIQUE INDEX leases_one_exclusive ON leases (workspace, block, row_key) WHERE NOT shared;
CREATE INDEX leases_row ON leases (workspace, block, row_key);
CREATE INDEX leases_job ON leases (job_id, test_index);

CREATE TABLE consumed (
  workspace text NOT NULL,
  block text NOT NULL,
  row_key text NOT NULL,
  job_id bigint NOT NULL,
  PRIMARY KEY (workspace, block, row_key)
);
