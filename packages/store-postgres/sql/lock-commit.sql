-- A commit's turn, until its transaction ends, on every block it claims
-- rows of (:blocks) and every pool it writes results in (:pools).
--
-- Claims on one block take turns, so the claim statement's checks see every
-- lease committed before it and none can be added beside it: exclusive and
-- shared leases of a row never mix, and an expired lease purged here is not
-- re-taken by a concurrent commit. Results of one pool take turns, so a
-- commit sees every result committed before it: two jobs that allocated the
-- same test cannot both keep it (find-taken-tests).
--
-- Locks are taken in one order, so commits over several blocks and pools
-- cannot deadlock.
SELECT pg_advisory_xact_lock(hashtextextended(:workspace || E'\n' || l.name, 0))
FROM (
  SELECT b.name FROM unnest(:blocks::text[]) AS b(name)
  UNION
  SELECT E'pool\n' || p.name FROM unnest(:pools::text[]) AS p(name)
  ORDER BY 1
) AS l
