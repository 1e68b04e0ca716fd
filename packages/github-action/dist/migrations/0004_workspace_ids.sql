-- Job and audit ids count per workspace (1, 2, 3 … in each), where a
-- store-wide sequence let one workspace read the pace of another's work
-- from its ids. Jobs are keyed by (workspace, id); job_tests carry their
-- workspace; one counter per workspace and kind hands out the ids.

-- The last id handed out per workspace and kind ('job', 'audit').
CREATE TABLE workspace_ids (
  workspace text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('job', 'audit')),
  last_id bigint NOT NULL,
  PRIMARY KEY (workspace, kind)
);

-- The next id of a workspace: one statement, so concurrent callers (on any
-- replica) queue on the counter's row and never get the same id. Called
-- outside long transactions (reserve-job-id) or in one statement with the
-- row it numbers (append-audit), so the row lock lasts moments.
CREATE FUNCTION next_workspace_id(ws text, id_kind text) RETURNS bigint
  LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO workspace_ids AS c (workspace, kind, last_id) VALUES (ws, id_kind, 1)
  ON CONFLICT (workspace, kind) DO UPDATE SET last_id = c.last_id + 1
  RETURNING last_id;
END;

-- Existing ids stay: CI runs, results files, made rows ({{job.id}}) and the
-- audit log name them. A workspace that has jobs (or audit events) counts
-- on from the highest id the store-wide sequence had handed out, so no id a
-- client may still hold (a reserved job that never committed included) is
-- handed out again; a workspace without any starts at 1.
INSERT INTO workspace_ids (workspace, kind, last_id)
SELECT w.workspace, 'job', greatest(
  (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM job_ids),
  (SELECT max(id) FROM jobs)
)
FROM (SELECT DISTINCT workspace FROM jobs) AS w;

INSERT INTO workspace_ids (workspace, kind, last_id)
SELECT w.workspace, 'audit', (SELECT max(id) FROM audit_events)
FROM (SELECT DISTINCT workspace FROM audit_events) AS w;

DROP SEQUENCE job_ids;

-- Jobs: one id space per workspace.
ALTER TABLE job_tests ADD COLUMN workspace text;
UPDATE job_tests t SET workspace = j.workspace FROM jobs j WHERE j.id = t.job_id;
ALTER TABLE job_tests
  ALTER COLUMN workspace SET NOT NULL,
  DROP CONSTRAINT job_tests_job_id_fkey,
  DROP CONSTRAINT job_tests_pkey;
ALTER TABLE jobs DROP CONSTRAINT jobs_pkey, ADD PRIMARY KEY (workspace, id);
-- The primary key serves the newest-first listing now.
DROP INDEX jobs_workspace;
ALTER TABLE job_tests
  ADD PRIMARY KEY (workspace, job_id, test_index),
  ADD FOREIGN KEY (workspace, job_id) REFERENCES jobs (workspace, id);
DROP INDEX job_tests_ref;
CREATE INDEX job_tests_ref ON job_tests (workspace, job_id, pool, suite, test);
DROP INDEX leases_job;
CREATE INDEX leases_job ON leases (workspace, job_id, test_index);

-- Audit events: numbered by next_workspace_id, keyed per workspace.
ALTER TABLE audit_events ALTER COLUMN id DROP IDENTITY, DROP CONSTRAINT audit_events_pkey;
ALTER TABLE audit_events ADD PRIMARY KEY (workspace, id);
DROP INDEX audit_events_workspace;

-- A job's tests are those of its workspace's job of that id.
CREATE OR REPLACE VIEW job_records AS
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
      WHERE t.workspace = j.workspace AND t.job_id = j.id
    ),
    'allocated', j.allocated,
    'made', j.made,
    'cached', j.cached,
    'failed', j.failed
  ) AS record
FROM jobs j;
