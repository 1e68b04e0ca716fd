-- The own rows of one block version ($3) that a find selects and that are
-- free for it, as ordinals, in order. $4 is the index of the pool's key
-- column; $6 whether the find is read-only (it may take rows only shared
-- leases hold); $7 a limit or null. Rows are read in ordinal order from the
-- primary key, so a limit stops the scan early.
-- The placeholder comment in WHERE is replaced by the find's filter, compiled by
-- compile-where-sql.ts: column indexes only, its values are parameters from $8 on.
SELECT r.ordinal
FROM block_rows r
WHERE r.workspace = $1 AND r.block = $2 AND r.version = $3
  AND (/*where*/)
  AND NOT EXISTS (
    SELECT 1 FROM consumed d
    WHERE d.workspace = $1 AND d.block = $2 AND d.row_key = r."values" ->> $4::integer
  )
  AND NOT EXISTS (
    SELECT 1 FROM leases l
    WHERE l.workspace = $1 AND l.block = $2 AND l.row_key = r."values" ->> $4::integer
      AND l.expires_at > $5 AND NOT (l.shared AND $6::boolean)
  )
ORDER BY r.ordinal
LIMIT $7
