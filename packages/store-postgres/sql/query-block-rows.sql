-- A page of a block version's rows that a list query selects, in order.
-- query-block-rows.ts replaces the placeholder comments: the version's
-- chain of own rows, each numbered from its place in the version (`n`);
-- the cells the filter and order read, each extracted once (`c<index>`,
-- `k<index>`, `n<index>`, as gather-candidates does); the filter compiled
-- by compile-where-sql.ts; the ORDER BY keys of compareODataRows. OFFSET 0
-- keeps the extraction evaluated once per row.
SELECT row_json(s.cells, s.kinds) AS row
FROM (
  SELECT c.*
  FROM (
    SELECT r.n, r.cells, r.kinds, /*extracted*/ true AS always
    FROM (/*chain*/) r
    OFFSET 0
  ) c
  WHERE /*filter*/
) s
ORDER BY /*order*/ s.n
LIMIT :top OFFSET :skip
