-- Ends the leases of one test (:pool, :suite, :test) in the job that holds
-- its result, at :now: one row per test it ends (none when nothing holds
-- rows), each with `found`, 0 when the test has no result.
WITH target AS (
  SELECT r.job_id
  FROM results r
  WHERE r.workspace = :workspace AND r.pool = :pool AND r.suite = :suite AND r.test = :test
),
refs AS (
  SELECT :pool::text AS pool, :suite::text AS suite, :test::text AS test
),
holding AS (
  {{held-tests}}
),
held AS (
  SELECT t.job_id, t.test_index, t.consume, json_array_length(t.rows) AS n
  FROM job_tests t
  JOIN holding h ON t.workspace = :workspace AND t.job_id = h.job_id AND t.test_index = h.test_index
  -- Checked again once locked: a release that ran meanwhile ended it already.
  WHERE t.released_at IS NULL
  FOR UPDATE OF t
),
ended AS (
  UPDATE job_tests t SET released_at = :now
  FROM held
  WHERE t.workspace = :workspace AND t.job_id = held.job_id AND t.test_index = held.test_index
),
bumped AS (
  UPDATE jobs j SET revision = j.revision + 1 FROM held WHERE j.workspace = :workspace AND j.id = held.job_id
),
freed AS (
  DELETE FROM leases l USING held
  WHERE l.workspace = :workspace AND l.job_id = held.job_id AND l.test_index = held.test_index
)
SELECT (SELECT count(*) FROM target)::integer AS found, held.consume, held.n AS rows
FROM (SELECT 1) one
LEFT JOIN held ON true
