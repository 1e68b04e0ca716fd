-- Takes due rows for the work queue, oldest due first (answered in that
-- order); rows another replica is taking are skipped.
WITH d AS (
  SELECT workspace, block, row_key, updated_at AS due_at FROM made_rows
  WHERE state = 'due'
  ORDER BY updated_at, workspace, block, row_key
  LIMIT :limit
  FOR UPDATE SKIP LOCKED
), taken AS (
  UPDATE made_rows AS m SET state = 'queued', updated_at = :now
  FROM d
  WHERE m.workspace = d.workspace AND m.block = d.block AND m.row_key = d.row_key
  RETURNING m.*, d.due_at
)
SELECT * FROM taken ORDER BY due_at, workspace, block, row_key
