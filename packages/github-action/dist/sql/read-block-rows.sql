-- A slice of a version's own rows as one JSON array text: parsing one string
-- is far cheaper than a protocol row per data row. row_json (migration 0003)
-- writes an all-string row with array_to_json, any other cell by cell.
SELECT '[' || coalesce(string_agg(row_json(cells, kinds), ',' ORDER BY ordinal), '') || ']' AS rows
FROM block_rows
WHERE workspace = $1 AND block = $2 AND version = $3 AND ordinal >= $4 AND ordinal < $5
