-- Rows of consumed tests never return to the pool (:rows: JSON array of {block, row_key}).
INSERT INTO consumed (workspace, block, row_key, job_id)
SELECT DISTINCT :workspace, c.block, c.row_key, :job_id::bigint
FROM json_to_recordset(:rows::json) AS c(block text, row_key text)
ON CONFLICT (workspace, block, row_key) DO NOTHING
