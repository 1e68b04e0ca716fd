-- The rows of a version's chain (:chain, its versions, oldest first) whose
-- cell at index :key_index is one of :keys, as one JSON array text in row
-- order. Versions in :keyed store that cell as their rows' key: their rows
-- are found through the block_rows_key index of the chain's lineage
-- (:lineage). The rows of the other versions (:unkeyed) are compared cell by
-- cell. The cardinality tests
-- skip a branch with no versions outright, whatever the plan.
SELECT '[' || coalesce(string_agg(
    row_json(m.cells, m.kinds), ',' ORDER BY array_position(:chain::text[], m.version), m.ordinal
  ), '') || ']' AS rows
FROM (
  SELECT r.version, r.ordinal, r.cells, r.kinds
  FROM block_rows r
  WHERE cardinality(:keyed::text[]) > 0
    AND r.workspace = :workspace AND r.block = :block AND r.lineage = :lineage AND r.key = ANY(:keys::text[])
    AND r.version = ANY(:keyed::text[])
  UNION ALL
  SELECT r.version, r.ordinal, r.cells, r.kinds
  FROM block_rows r
  WHERE cardinality(:unkeyed::text[]) > 0
    AND r.workspace = :workspace AND r.block = :block AND r.version = ANY(:unkeyed::text[])
    AND r.cells[:key_index::integer + 1] = ANY(:keys::text[])
) m
