SELECT r.pool, r.suite, r.test, r.job_id, r.columns, r.rows, iso(r.created_at) AS created_at
FROM results r
JOIN unnest(:pools::text[], :suites::text[], :tests::text[]) AS wanted(pool, suite, test)
  ON r.pool = wanted.pool AND r.suite = wanted.suite AND r.test = wanted.test
WHERE r.workspace = :workspace
