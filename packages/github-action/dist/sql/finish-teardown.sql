-- Ends a running teardown attempt; a row torn down counts as consumed: it never returns to the pool.
WITH finished AS (
  UPDATE made_rows SET state = :state, last_error = :last_error, updated_at = :now
  WHERE workspace = :workspace AND block = :block AND row_key = :row_key AND state = 'running'
  RETURNING *
), gone AS (
  INSERT INTO consumed (workspace, block, row_key, job_id)
  SELECT workspace, block, row_key, coalesce(job_id, 0) FROM finished WHERE state = 'done'
  ON CONFLICT (workspace, block, row_key) DO NOTHING
)
SELECT * FROM finished
