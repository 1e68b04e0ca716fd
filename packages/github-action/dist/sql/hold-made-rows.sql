-- A committed job holds these rows (:rows: JSON array of {block, row_key}) until :expires_at.
UPDATE made_rows SET job_id = :job_id, expires_at = :expires_at, updated_at = :now
WHERE workspace = :workspace
  AND state IN ('held', 'kept')
  AND (block, row_key) IN (
    SELECT r.block, r.row_key FROM json_to_recordset(:rows::json) AS r(block text, row_key text))
