-- Live leases and consumed rows of some blocks at $3. Released leases are
-- deleted, so a lease row is live until it expires.
SELECT 'lease' AS kind, block, row_key, job_id, shared
FROM leases
WHERE workspace = $1 AND block = ANY($2::text[]) AND expires_at > $3
UNION ALL
SELECT 'consumed' AS kind, block, row_key, job_id, false AS shared
FROM consumed
WHERE workspace = $1 AND block = ANY($2::text[])
ORDER BY kind, job_id
