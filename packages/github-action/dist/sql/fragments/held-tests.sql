-- The tests holding the rows of each reference in `refs` (pool, suite, test)
-- at :now: in the live job that holds the reference's result, every one of
-- the job's tests with that reference that still holds rows (core's
-- holdingTestIndexes; a job may list a test twice).
--
-- The live jobs are found first, behind a fence (OFFSET 0), so a job's tests
-- are looked up only for references a live job holds: a bundle run again
-- after its last job was released names ten thousand results of a job that
-- holds nothing, and the planner would otherwise probe its tests for each.
SELECT h.pool, h.suite, h.test, t.job_id, t.test_index, t.consume,
  json_array_length(t.rows) AS n
FROM (
  SELECT refs.pool, refs.suite, refs.test, j.id AS job_id
  FROM refs
  JOIN results r ON r.workspace = :workspace
    AND r.pool = refs.pool AND r.suite = refs.suite AND r.test = refs.test
  JOIN jobs j ON j.workspace = :workspace AND j.id = r.job_id
    AND j.released_at IS NULL AND j.expires_at > :now
  OFFSET 0
) h
JOIN job_tests t ON t.workspace = :workspace AND t.job_id = h.job_id
  AND t.pool = h.pool AND t.suite = h.suite AND t.test = h.test
WHERE t.released_at IS NULL AND t.status IN ('allocated', 'made')
