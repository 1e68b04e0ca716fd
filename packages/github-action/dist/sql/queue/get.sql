SELECT * FROM queued_jobs WHERE workspace = :workspace AND id = :id
