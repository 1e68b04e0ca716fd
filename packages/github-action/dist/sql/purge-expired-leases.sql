-- Expired leases of the rows a commit claims go first: the unique index on
-- exclusive leases cannot tell an expired lease from a live one. The claimed
-- rows come as two arrays of one length (:blocks, :row_keys): cheaper for
-- the server to read than a JSON array of ten thousand objects.
DELETE FROM leases l
USING unnest(:blocks::text[], :row_keys::text[]) AS c(block, row_key)
WHERE l.workspace = :workspace AND l.block = c.block AND l.row_key = c.row_key AND l.expires_at <= :now
