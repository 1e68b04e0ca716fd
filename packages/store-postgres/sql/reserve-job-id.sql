-- The next job id of workspace :workspace: each workspace counts its own jobs
-- (next_workspace_id, migration 0004). Gaps (ids of jobs that never
-- committed) are fine.
SELECT next_workspace_id(:workspace, 'job') AS id
