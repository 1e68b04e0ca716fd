-- Which rows of a claim (:blocks, :row_keys, :shared: arrays of one length) the
-- claim skipped at :now, to name them in the LeaseConflictError.
WITH claims AS MATERIALIZED (
  SELECT
    c.*,
    count(*) OVER same_row AS holders,
    bool_and(c.shared) OVER same_row AS all_shared
  FROM unnest(:blocks::text[], :row_keys::text[], :shared::boolean[]) AS c(block, row_key, shared)
  WINDOW same_row AS (PARTITION BY c.block, c.row_key)
)
SELECT DISTINCT c.block, c.row_key
FROM claims c
WHERE NOT (c.holders = 1 OR c.all_shared)
  OR EXISTS (
    SELECT 1 FROM consumed d
    WHERE d.workspace = :workspace AND d.block = c.block AND d.row_key = c.row_key
  )
  OR EXISTS (
    SELECT 1 FROM leases l
    WHERE l.workspace = :workspace AND l.block = c.block AND l.row_key = c.row_key
      AND l.expires_at > :now AND NOT (l.shared AND c.shared)
  )
ORDER BY c.block, c.row_key
