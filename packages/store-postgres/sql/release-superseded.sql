-- A refresh ends the live leases of the tests it replaces ($2: JSON array of
-- {pool, suite, test}), in the commit's transaction.
WITH refs AS (
  SELECT * FROM json_to_recordset($2::json) AS r(pool text, suite text, test text)
),
held AS (
  SELECT t.job_id, t.test_index
  FROM refs
  JOIN results r ON r.workspace = $1 AND r.pool = refs.pool AND r.suite = refs.suite AND r.test = refs.test
  JOIN jobs j ON j.id = r.job_id AND j.workspace = $1 AND j.released_at IS NULL AND j.expires_at > $3
  JOIN job_tests t ON t.workspace = $1 AND t.job_id = j.id AND t.pool = refs.pool AND t.suite = refs.suite AND t.test = refs.test
  WHERE t.released_at IS NULL AND t.status IN ('allocated', 'made')
),
ended AS (
  UPDATE job_tests t SET released_at = $3
  FROM held
  WHERE t.workspace = $1 AND t.job_id = held.job_id AND t.test_index = held.test_index
),
bumped AS (
  UPDATE jobs j SET revision = j.revision + 1
  WHERE j.workspace = $1 AND j.id IN (SELECT job_id FROM held)
)
DELETE FROM leases l
USING held
WHERE l.workspace = $1 AND l.job_id = held.job_id AND l.test_index = held.test_index
