-- The tests of a job in order, from a JSON array of the model's JobTest.
INSERT INTO job_tests (job_id, test_index, pool, suite, test, status, reason, rows, read_only, consume, from_job, released_at)
SELECT $1, (t.n - 1)::integer, t.pool, t.suite, t.test, t.status, t.reason, t.rows, t.read_only, t.consume, t.from_job, t.released_at
FROM ROWS FROM (
  json_to_recordset($2::json) AS (
    pool text, suite text, test text, status text, reason text, rows json,
    "readOnly" boolean, consume boolean, "fromJob" bigint, "releasedAt" timestamptz
  )
) WITH ORDINALITY AS t(pool, suite, test, status, reason, rows, read_only, consume, from_job, released_at, n)
