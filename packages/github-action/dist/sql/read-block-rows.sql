-- A slice of a version's own rows as one JSON array text: parsing one string
-- is far cheaper than a protocol row per data row. row_json (migration 0003)
-- writes an all-string row with array_to_json, any other cell by cell.
SELECT '[' || coalesce(string_agg(row_json(cells, kinds), ',' ORDER BY ordinal), '') || ']' AS rows
FROM block_rows
WHERE workspace = :workspace AND block = :block AND version = :version
  AND ordinal >= :from_ordinal AND ordinal < :to_ordinal
