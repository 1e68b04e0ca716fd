-- Ends the leases of a job at :now; rows of its consumed tests stay consumed.
-- One row per test it ends (none when nothing holds rows), each with
-- `found`, 0 for an unknown job; tests end only when the job was live.
WITH job AS (
  SELECT id, released_at IS NULL AND expires_at > :now AS live
  FROM jobs
  WHERE workspace = :workspace AND id = :id
  FOR UPDATE
),
held AS (
  SELECT t.consume, json_array_length(t.rows) AS n
  FROM job_tests t
  JOIN job ON t.workspace = :workspace AND t.job_id = job.id
  WHERE job.live AND t.released_at IS NULL AND t.status IN ('allocated', 'made')
),
ended AS (
  UPDATE jobs j SET released_at = :now, revision = j.revision + 1
  FROM job
  WHERE j.workspace = :workspace AND j.id = job.id AND j.released_at IS NULL
),
freed AS (
  DELETE FROM leases l USING job WHERE l.workspace = :workspace AND l.job_id = job.id
)
SELECT (SELECT count(*) FROM job)::integer AS found, held.consume, held.n AS rows
FROM (SELECT 1) one
LEFT JOIN held ON true
