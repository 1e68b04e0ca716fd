SELECT pool, suite, test, job_id, columns, rows, iso(created_at) AS created_at
FROM results
WHERE workspace = :workspace AND pool = :pool AND (:suite::text IS NULL OR suite = :suite)
ORDER BY suite, test
