SELECT pool, suite, test, job_id, columns, rows, iso(created_at) AS created_at
FROM results
WHERE workspace = $1 AND pool = $2 AND suite = $3 AND test = $4
