-- The own rows of one block version (:version) with ordinals from
-- :from_ordinal up to :to_ordinal that a batch of finds select, each with
-- the finds it is free for and what the finds asked of it, in order, as one
-- JSON text: `[[[find, …], <row>], …]`, the row being its values (`[cell,
-- …]`) or its key and the cells the finds read (`"key", cell, …`). Parsing
-- one string is far cheaper than a protocol row per data row. Rows consumed
-- or leased exclusively (at :now) are free for no find; rows only shared
-- leases hold are free for read-only finds only. Leases and consumed rows
-- are joined once, as hashes, not probed per row.
-- gather-candidates.ts replaces the placeholder comments: the cells the
-- finds read, each extracted once (`c<index>`, `k<index>`, `n<index>`); the
-- row's key; for a find narrowed to keys or a key prefix, the condition that
-- reads its rows through the key index (`r.lineage`, `r.key`); one `CASE WHEN <filter> THEN <finds> END` per distinct filter,
-- compiled by compile-where-sql.ts (column indexes only, its values the
-- parameters :filter_1, :filter_2, …), giving the finds with that filter
-- the row is free for as text (`'0,3'`); what is returned of the row.
-- OFFSET 0 keeps each level evaluated once per row.
SELECT '[' || coalesce(string_agg(
    '[[' || s.finds || '],' || /*row*/ || ']',
    ',' ORDER BY s.ordinal
  ), '') || ']' AS found
FROM (
  SELECT c.ordinal, c.cells, c.kinds, c.row_key, array_to_string(ARRAY[/*finds*/]::text[], ',') AS finds
  FROM (
    SELECT r.ordinal, r.cells, r.kinds, /*key*/ AS row_key, /*extracted*/
      CASE WHEN d.row_key IS NOT NULL OR l.exclusive THEN 2 WHEN l.row_key IS NOT NULL THEN 1 ELSE 0 END AS held
    FROM block_rows r
    LEFT JOIN (
      SELECT row_key, bool_or(NOT shared) AS exclusive
      FROM leases
      WHERE workspace = :workspace AND block = :block AND expires_at > :now
      GROUP BY row_key
    ) l ON l.row_key = /*key*/
    LEFT JOIN consumed d ON d.workspace = :workspace AND d.block = :block AND d.row_key = /*key*/
    WHERE r.workspace = :workspace AND r.block = :block AND r.version = :version
      AND r.ordinal >= :from_ordinal AND r.ordinal < :to_ordinal /*narrow*/
    OFFSET 0
  ) c
  WHERE c.held < 2
  OFFSET 0
) s
WHERE s.finds <> ''
