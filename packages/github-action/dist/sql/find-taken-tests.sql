-- Tests of a commit (:tests, a JSON array of {pool, suite, test}) whose result
-- another live job holds at :now: job :job_id lost the race for them to a
-- job that committed first, and must not keep rows for them. Run after the commit has
-- its turn on the tests' pools (lock-commit) and has ended the tests a
-- refresh replaces (release-superseded), so what it sees is what is there.
SELECT c.pool, c.suite, c.test, r.job_id
FROM json_to_recordset(:tests::json) AS c(pool text, suite text, test text)
JOIN results r ON r.workspace = :workspace AND r.pool = c.pool AND r.suite = c.suite AND r.test = c.test
JOIN jobs j ON j.id = r.job_id AND j.workspace = :workspace AND j.released_at IS NULL AND j.expires_at > :now
WHERE r.job_id <> :job_id
  AND EXISTS (
    SELECT 1 FROM job_tests t
    WHERE t.workspace = :workspace AND t.job_id = j.id
      AND t.pool = c.pool AND t.suite = c.suite AND t.test = c.test
      AND t.released_at IS NULL AND t.status IN ('allocated', 'made')
  )
ORDER BY c.pool, c.suite, c.test
