SELECT pool, suite, test, job_id, columns, rows, iso(created_at) AS created_at
FROM results
WHERE workspace = $1 AND pool = $2 AND ($3::text IS NULL OR suite = $3)
ORDER BY suite, test
