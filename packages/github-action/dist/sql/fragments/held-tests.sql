-- The tests holding the rows of each reference in `refs` (pool, suite, test)
-- at :now: in the live job that holds the reference's result, every one of
-- the job's tests with that reference that still holds rows (core's
-- holdingTestIndexes; a job may list a test twice).
SELECT refs.pool, refs.suite, refs.test, t.job_id, t.test_index, t.consume,
  json_array_length(t.rows) AS n
FROM refs
JOIN results r ON r.workspace = :workspace
  AND r.pool = refs.pool AND r.suite = refs.suite AND r.test = refs.test
JOIN jobs j ON j.workspace = :workspace AND j.id = r.job_id
  AND j.released_at IS NULL AND j.expires_at > :now
JOIN job_tests t ON t.workspace = :workspace AND t.job_id = j.id
  AND t.pool = refs.pool AND t.suite = refs.suite AND t.test = refs.test
WHERE t.released_at IS NULL AND t.status IN ('allocated', 'made')
