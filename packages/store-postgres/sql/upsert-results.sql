-- A test's result is its latest job's: a newer job replaces it.
INSERT INTO results (workspace, pool, suite, test, job_id, columns, rows, created_at)
SELECT :workspace, r.pool, r.suite, r.test, r."jobId", r.columns, r.rows, r."createdAt"
FROM json_to_recordset(:results::json) AS r(
  pool text, suite text, test text, "jobId" bigint, columns json, rows json, "createdAt" timestamptz
)
ON CONFLICT (workspace, pool, suite, test) DO UPDATE
SET job_id = excluded.job_id, columns = excluded.columns, rows = excluded.rows, created_at = excluded.created_at
