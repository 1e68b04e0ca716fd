-- Ends the leases of one test (:pool, :suite, :test) in the job that holds
-- its result, at :now. `found` is 0 when the test has no result.
WITH target AS (
  SELECT j.id AS job_id, j.released_at IS NULL AND j.expires_at > :now AS live
  FROM results r
  JOIN jobs j ON j.id = r.job_id AND j.workspace = r.workspace
  WHERE r.workspace = :workspace AND r.pool = :pool AND r.suite = :suite AND r.test = :test
),
held AS (
  SELECT t.job_id, t.test_index, t.consume, json_array_length(t.rows) AS n
  FROM job_tests t
  JOIN target ON t.workspace = :workspace AND t.job_id = target.job_id
  WHERE target.live AND t.pool = :pool AND t.suite = :suite AND t.test = :test
    AND t.released_at IS NULL AND t.status IN ('allocated', 'made')
  ORDER BY t.test_index DESC
  LIMIT 1
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
SELECT
  (SELECT count(*) FROM target)::integer AS found,
  coalesce(sum(n) FILTER (WHERE NOT consume), 0)::integer AS released,
  coalesce(sum(n) FILTER (WHERE consume), 0)::integer AS consumed
FROM held
