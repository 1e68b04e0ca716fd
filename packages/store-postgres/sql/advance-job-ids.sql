-- A job committed with an id its workspace's counter did not hand out ($2)
-- moves the counter past it. A reserved id never needs it, and the counter's
-- row is then not even locked: the commit's transaction may last a while.
INSERT INTO workspace_ids AS c (workspace, kind, last_id)
SELECT $1, 'job', $2::bigint
WHERE NOT EXISTS (
  SELECT 1 FROM workspace_ids WHERE workspace = $1 AND kind = 'job' AND last_id >= $2::bigint
)
ON CONFLICT (workspace, kind) DO UPDATE SET last_id = greatest(c.last_id, excluded.last_id)
