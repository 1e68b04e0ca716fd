-- The rows of a version's chain ($3: its versions, oldest first) whose cell
-- at index $8 is one of the keys $7, as one JSON array text in row order.
-- Versions in $5 store that cell as their rows' key: their rows are found
-- through the block_rows_key index of the chain's lineage ($4). The rows of
-- the other versions ($6) are compared cell by cell. The cardinality tests
-- skip a branch with no versions outright, whatever the plan.
SELECT '[' || coalesce(string_agg(
    row_json(m.cells, m.kinds), ',' ORDER BY array_position($3::text[], m.version), m.ordinal
  ), '') || ']' AS rows
FROM (
  SELECT r.version, r.ordinal, r.cells, r.kinds
  FROM block_rows r
  WHERE cardinality($5::text[]) > 0
    AND r.workspace = $1 AND r.block = $2 AND r.lineage = $4 AND r.key = ANY($7::text[])
    AND r.version = ANY($5::text[])
  UNION ALL
  SELECT r.version, r.ordinal, r.cells, r.kinds
  FROM block_rows r
  WHERE cardinality($6::text[]) > 0
    AND r.workspace = $1 AND r.block = $2 AND r.version = ANY($6::text[])
    AND r.cells[$8::integer + 1] = ANY($7::text[])
) m
