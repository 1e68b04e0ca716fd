-- Unique across replicas; gaps (ids of jobs that never committed) are fine.
SELECT nextval('job_ids') AS id
