SELECT count(*)::int AS total FROM queued_jobs
WHERE workspace = :workspace AND (:state::text IS NULL OR state = :state) AND (:kind::text IS NULL OR kind = :kind)
