-- Ends the leases of one test ($2 pool, $3 suite, $4 test) in the job that
-- holds its result, at $5. `found` is 0 when the test has no result.
WITH target AS (
  SELECT j.id AS job_id, j.released_at IS NULL AND j.expires_at > $5 AS live
  FROM results r
  JOIN jobs j ON j.id = r.job_id AND j.workspace = r.workspace
  WHERE r.workspace = $1 AND r.pool = $2 AND r.suite = $3 AND r.test = $4
),
held AS (
  SELECT t.job_id, t.test_index, t.consume, json_array_length(t.rows) AS n
  FROM job_tests t
  JOIN target ON t.workspace = $1 AND t.job_id = target.job_id
  WHERE target.live AND t.pool = $2 AND t.suite = $3 AND t.test = $4
    AND t.released_at IS NULL AND t.status IN ('allocated', 'made')
  ORDER BY t.test_index DESC
  LIMIT 1
  FOR UPDATE OF t
),
ended AS (
  UPDATE job_tests t SET released_at = $5
  FROM held
  WHERE t.workspace = $1 AND t.job_id = held.job_id AND t.test_index = held.test_index
),
bumped AS (
  UPDATE jobs j SET revision = j.revision + 1 FROM held WHERE j.workspace = $1 AND j.id = held.job_id
),
freed AS (
  DELETE FROM leases l USING held
  WHERE l.workspace = $1 AND l.job_id = held.job_id AND l.test_index = held.test_index
)
SELECT
  (SELECT count(*) FROM target)::integer AS found,
  coalesce(sum(n) FILTER (WHERE NOT consume), 0)::integer AS released,
  coalesce(sum(n) FILTER (WHERE consume), 0)::integer AS consumed
FROM held
