-- A refresh ends the live leases of the tests it replaces (:pools, :suites,
-- :tests: arrays of one length), in the commit's transaction.
WITH refs AS (
  SELECT * FROM unnest(:pools::text[], :suites::text[], :tests::text[]) AS r(pool, suite, test)
),
held AS (
  {{held-tests}}
),
ended AS (
  UPDATE job_tests t SET released_at = :now
  FROM held
  WHERE t.workspace = :workspace AND t.job_id = held.job_id AND t.test_index = held.test_index
),
bumped AS (
  UPDATE jobs j SET revision = j.revision + 1
  WHERE j.workspace = :workspace AND j.id IN (SELECT job_id FROM held)
)
DELETE FROM leases l
USING held
WHERE l.workspace = :workspace AND l.job_id = held.job_id AND l.test_index = held.test_index
