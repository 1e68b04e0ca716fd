SELECT r.pool, r.suite, r.test, r.job_id, r.columns, r.rows, iso(r.created_at) AS created_at
FROM results r
JOIN unnest($2::text[], $3::text[], $4::text[]) AS wanted(pool, suite, test)
  ON r.pool = wanted.pool AND r.suite = wanted.suite AND r.test = wanted.test
WHERE r.workspace = $1
