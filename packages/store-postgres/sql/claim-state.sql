-- Live leases and consumed rows of some blocks at :now. Released leases are
-- deleted, so a lease row is live until it expires.
SELECT 'lease' AS kind, block, row_key, job_id, shared
FROM leases
WHERE workspace = :workspace AND block = ANY(:blocks::text[]) AND expires_at > :now
UNION ALL
SELECT 'consumed' AS kind, block, row_key, job_id, false AS shared
FROM consumed
WHERE workspace = :workspace AND block = ANY(:blocks::text[])
ORDER BY kind, job_id
