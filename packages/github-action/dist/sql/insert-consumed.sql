-- Rows of consumed tests never return to the pool ($3: JSON array of {block, row_key}).
INSERT INTO consumed (workspace, block, row_key, job_id)
SELECT DISTINCT $1, c.block, c.row_key, $2::bigint
FROM json_to_recordset($3::json) AS c(block text, row_key text)
ON CONFLICT (workspace, block, row_key) DO NOTHING
