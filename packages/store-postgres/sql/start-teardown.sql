-- Starts a teardown attempt, unless the row is done, kept, held, or running on a live worker.
UPDATE made_rows SET state = 'running', attempts = attempts + 1, updated_at = :now
WHERE workspace = :workspace AND block = :block AND row_key = :row_key
  AND (state IN ('due', 'queued', 'failed') OR (state = 'running' AND updated_at < :stale_before))
RETURNING *
