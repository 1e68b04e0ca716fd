-- Tests of a commit (:pools, :suites, :tests: arrays of one length) whose result
-- another live job holds at :now: job :job_id lost the race for them to a
-- job that committed first, and must not keep rows for them. Run after the commit has
-- its turn on the tests' pools (lock-commit) and has ended the tests a
-- refresh replaces (release-superseded), so what it sees is what is there.
WITH refs AS (
  SELECT * FROM unnest(:pools::text[], :suites::text[], :tests::text[]) AS c(pool, suite, test)
),
held AS (
  {{held-tests}}
)
SELECT DISTINCT pool, suite, test, job_id
FROM held
WHERE job_id <> :job_id
ORDER BY pool, suite, test
