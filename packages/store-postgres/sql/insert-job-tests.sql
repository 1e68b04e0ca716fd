-- The tests of job :job_id of workspace :workspace in order, from a JSON
-- array of the model's JobTest (:tests).
INSERT INTO job_tests (workspace, job_id, test_index, pool, suite, test, status, reason, rows, read_only, consume, from_job, released_at)
SELECT :workspace, :job_id, (t.n - 1)::integer, t.pool, t.suite, t.test, t.status, t.reason, t.rows, t.read_only, t.consume, t.from_job, t.released_at
FROM ROWS FROM (
  json_to_recordset(:tests::json) AS (
    pool text, suite text, test text, status text, reason text, rows json,
    "readOnly" boolean, consume boolean, "fromJob" bigint, "releasedAt" timestamptz
  )
) WITH ORDINALITY AS t(pool, suite, test, status, reason, rows, read_only, consume, from_job, released_at, n)
