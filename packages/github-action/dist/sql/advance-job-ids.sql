-- A job committed with an id the sequence did not hand out moves it past that id.
SELECT setval('job_ids', $1::bigint)
WHERE $1::bigint > (SELECT last_value FROM job_ids)
