-- A job ended: its held rows with a teardown (all of them, or only :rows) become due.
UPDATE made_rows SET state = 'due', updated_at = :now
WHERE workspace = :workspace
  AND job_id = :job_id
  AND state = 'held'
  AND teardown IS NOT NULL
  AND (:all_rows OR (block, row_key) IN (
    SELECT r.block, r.row_key FROM json_to_recordset(:rows::json) AS r(block text, row_key text)))
RETURNING *
