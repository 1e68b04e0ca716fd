-- Claims on one block take turns until the transaction ends, so the claim
-- statement's checks see every lease committed before it and none can be
-- added beside it: exclusive and shared leases of a row never mix, and an
-- expired lease purged here is not re-taken by a concurrent commit. Locks
-- are taken in one order, so commits over several blocks cannot deadlock.
SELECT pg_advisory_xact_lock(hashtextextended($1 || E'\n' || b.block, 0))
FROM (SELECT DISTINCT block FROM unnest($2::text[]) AS u(block) ORDER BY block) AS b
