-- How many rows of a block version a list query selects; the placeholders
-- as in query-block-rows.sql.
SELECT count(*)::bigint AS count
FROM (
  SELECT r.n, r.cells, r.kinds, /*extracted*/ true AS always
  FROM (/*chain*/) r
  OFFSET 0
) c
WHERE /*filter*/
