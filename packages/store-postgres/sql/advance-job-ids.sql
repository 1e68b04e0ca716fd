-- A job committed with an id its workspace's counter did not hand out (:job_id)
-- moves the counter past it. A reserved id never needs it, and the counter's
-- row is then not even locked: the commit's transaction may last a while.
INSERT INTO workspace_ids AS c (workspace, kind, last_id)
SELECT :workspace, 'job', :job_id::bigint
WHERE NOT EXISTS (
  SELECT 1 FROM workspace_ids WHERE workspace = :workspace AND kind = 'job' AND last_id >= :job_id::bigint
)
ON CONFLICT (workspace, kind) DO UPDATE SET last_id = greatest(c.last_id, excluded.last_id)
