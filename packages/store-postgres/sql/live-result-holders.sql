-- Of some tests (:pools, :suites, :tests: arrays of one length), those whose
-- result a job live at :now holds with the test's last listing in that job
-- still holding rows (core's liveHolders), each with the job's id.
--
-- Live jobs are found first, behind a fence (OFFSET 0), so a job's tests are
-- looked up only for results a live job holds: a bundle run again after its
-- last job was released names thousands of results of a job holding nothing.
SELECT h.pool, h.suite, h.test, h.job_id
FROM (
  SELECT w.pool, w.suite, w.test, j.id AS job_id
  FROM unnest(:pools::text[], :suites::text[], :tests::text[]) AS w(pool, suite, test)
  JOIN results r ON r.workspace = :workspace
    AND r.pool = w.pool AND r.suite = w.suite AND r.test = w.test
  JOIN jobs j ON j.workspace = :workspace AND j.id = r.job_id
    AND j.released_at IS NULL AND j.expires_at > :now
  OFFSET 0
) h
JOIN LATERAL (
  SELECT t.released_at, t.status
  FROM job_tests t
  WHERE t.workspace = :workspace AND t.job_id = h.job_id
    AND t.pool = h.pool AND t.suite = h.suite AND t.test = h.test
  ORDER BY t.test_index DESC
  LIMIT 1
) t ON true
WHERE t.released_at IS NULL AND t.status IN ('allocated', 'made')
