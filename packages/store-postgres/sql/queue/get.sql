SELECT * FROM queued_jobs WHERE workspace = $1 AND id = $2
