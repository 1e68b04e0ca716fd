SELECT record FROM job_records WHERE workspace = :workspace ORDER BY id DESC LIMIT :limit OFFSET :offset
