-- Takes due rows for the work queue; rows another replica is taking are skipped.
UPDATE made_rows AS m SET state = 'queued', updated_at = :now
FROM (
  SELECT workspace, block, row_key FROM made_rows
  WHERE state = 'due'
  ORDER BY updated_at
  LIMIT :limit
  FOR UPDATE SKIP LOCKED
) AS d
WHERE m.workspace = d.workspace AND m.block = d.block AND m.row_key = d.row_key
RETURNING m.*
