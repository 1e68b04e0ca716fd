-- The next job id of workspace $1: each workspace counts its own jobs
-- (next_workspace_id, migration 0004). Gaps (ids of jobs that never
-- committed) are fine.
SELECT next_workspace_id($1, 'job') AS id
