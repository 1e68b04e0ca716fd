-- Expired leases of the rows a commit claims go first: the unique index on
-- exclusive leases cannot tell an expired lease from a live one.
DELETE FROM leases l
USING json_to_recordset(:claims::json) AS c(block text, row_key text)
WHERE l.workspace = :workspace AND l.block = c.block AND l.row_key = c.row_key AND l.expires_at <= :now
