-- A chunk of a version's own rows, from a JSON array of rows (:rows) and
-- their kinds (:kinds, one per row; see migrations/0003_cells.sql).
-- :first_ordinal is the ordinal of the first; :key_index the key column's
-- index, or null for no key.
INSERT INTO block_rows (workspace, block, version, lineage, ordinal, key, cells, kinds)
SELECT :workspace, :block, :version, :lineage,
  :first_ordinal::integer + (r.n - 1)::integer, r.v ->> :key_index::integer,
  ARRAY(SELECT json_array_elements_text(r.v)), r.k
FROM ROWS FROM (json_array_elements(:rows::json), unnest(:kinds::text[])) WITH ORDINALITY AS r(v, k, n)
