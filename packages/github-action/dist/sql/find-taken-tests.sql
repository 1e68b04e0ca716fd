-- Tests of a commit (:tests, a JSON array of {pool, suite, test}) whose result
-- another live job holds at :now: job :job_id lost the race for them to a
-- job that committed first, and must not keep rows for them. Run after the commit has
-- its turn on the tests' pools (lock-commit) and has ended the tests a
-- refresh replaces (release-superseded), so what it sees is what is there.
WITH refs AS (
  SELECT * FROM json_to_recordset(:tests::json) AS c(pool text, suite text, test text)
),
held AS (
  {{held-tests}}
)
SELECT DISTINCT pool, suite, test, job_id
FROM held
WHERE job_id <> :job_id
ORDER BY pool, suite, test
