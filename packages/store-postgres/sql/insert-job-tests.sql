-- The tests of job $2 of workspace $1 in order, from a JSON array of the model's JobTest ($3).
INSERT INTO job_tests (workspace, job_id, test_index, pool, suite, test, status, reason, rows, read_only, consume, from_job, released_at)
SELECT $1, $2, (t.n - 1)::integer, t.pool, t.suite, t.test, t.status, t.reason, t.rows, t.read_only, t.consume, t.from_job, t.released_at
FROM ROWS FROM (
  json_to_recordset($3::json) AS (
    pool text, suite text, test text, status text, reason text, rows json,
    "readOnly" boolean, consume boolean, "fromJob" bigint, "releasedAt" timestamptz
  )
) WITH ORDINALITY AS t(pool, suite, test, status, reason, rows, read_only, consume, from_job, released_at, n)
