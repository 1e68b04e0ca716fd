-- A chunk of a version's own rows, from a JSON array of rows. $5 is the
-- ordinal of the first; $6 the key column's index, or null for no key.
INSERT INTO block_rows (workspace, block, version, lineage, ordinal, key, "values")
SELECT $1, $2, $3, $4, $5::integer + (r.n - 1)::integer, r.v ->> $6::integer, r.v
FROM json_array_elements($7::json) WITH ORDINALITY AS r(v, n)
