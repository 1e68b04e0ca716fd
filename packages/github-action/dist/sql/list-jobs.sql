SELECT record FROM job_records WHERE workspace = $1 ORDER BY id DESC LIMIT $2 OFFSET $3
