-- A chunk of a version's own rows, from a JSON array of rows ($7) and their
-- kinds ($8, one per row; see migrations/0003_cells.sql). $5 is the ordinal
-- of the first; $6 the key column's index, or null for no key.
INSERT INTO block_rows (workspace, block, version, lineage, ordinal, key, cells, kinds)
SELECT $1, $2, $3, $4, $5::integer + (r.n - 1)::integer, r.v ->> $6::integer,
  ARRAY(SELECT json_array_elements_text(r.v)), r.k
FROM ROWS FROM (json_array_elements($7::json), unnest($8::text[])) WITH ORDINALITY AS r(v, k, n)
