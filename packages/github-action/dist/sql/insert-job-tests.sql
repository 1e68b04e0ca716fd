-- The tests of job :job_id of workspace :workspace in order, one field of
-- the model's JobTest per array (all of one length, a test at each
-- position): the server reads arrays of plain values faster than a JSON
-- array of ten thousand objects.
INSERT INTO job_tests (workspace, job_id, test_index, pool, suite, test, status, reason, rows, read_only, consume, from_job, released_at)
SELECT :workspace, :job_id, (t.n - 1)::integer, t.pool, t.suite, t.test, t.status, t.reason, t.rows, t.read_only, t.consume, t.from_job, t.released_at
FROM unnest(
  :pools::text[], :suites::text[], :tests::text[], :statuses::text[], :reasons::text[], :rows::json[],
  :read_only::boolean[], :consume::boolean[], :from_jobs::bigint[], :released_at::timestamptz[]
) WITH ORDINALITY AS t(pool, suite, test, status, reason, rows, read_only, consume, from_job, released_at, n)
