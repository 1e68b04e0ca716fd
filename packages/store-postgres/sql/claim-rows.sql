-- The claim: one statement leases every row of the commit (:blocks,
-- :row_keys, :test_indexes, :shared: arrays of one length, a claim at each
-- position). It skips a row that is consumed,
-- held against it by a live lease (an exclusive claim needs a row nobody
-- holds, a shared one a row no exclusive lease holds), or handed by this
-- commit to an exclusive test and to another test too. The caller compares
-- the count inserted with the count asked for and rolls back when short.
-- Claims of one block take turns (lock-commit), so what this
-- statement sees is what is there; the leases_one_exclusive index refuses a
-- second exclusive lease of a row even if this statement were wrong.
WITH claims AS MATERIALIZED (
  SELECT
    c.*,
    count(*) OVER same_row AS holders,
    bool_and(c.shared) OVER same_row AS all_shared
  FROM unnest(:blocks::text[], :row_keys::text[], :test_indexes::integer[], :shared::boolean[])
    AS c(block, row_key, test_index, shared)
  WINDOW same_row AS (PARTITION BY c.block, c.row_key)
),
-- The live leases of the claimed rows, read once, before the first insert.
-- Checked per claim against the table itself, the check may be planned as
-- a scan of leases per claim (a vacuum that emptied the table leaves
-- statistics of no rows), and each scan then reads every page the insert
-- has added so far: quadratic in the claims.
held AS MATERIALIZED (
  SELECT l.block, l.row_key, l.shared
  FROM leases l
  WHERE l.workspace = :workspace AND l.expires_at > :now
    AND (l.block, l.row_key) IN (SELECT block, row_key FROM claims)
)
INSERT INTO leases (workspace, block, row_key, job_id, test_index, shared, created_at, expires_at)
SELECT :workspace, c.block, c.row_key, :job_id, c.test_index, c.shared, :now, :expires_at
FROM claims c
WHERE (c.holders = 1 OR c.all_shared)
  AND NOT EXISTS (
    SELECT 1 FROM consumed d
    WHERE d.workspace = :workspace AND d.block = c.block AND d.row_key = c.row_key
  )
  AND NOT EXISTS (
    SELECT 1 FROM held l
    WHERE l.block = c.block AND l.row_key = c.row_key AND NOT (l.shared AND c.shared)
  )
