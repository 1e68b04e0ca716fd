-- The newest live job of a bundle; its record is read with get-job.
SELECT id
FROM jobs
WHERE workspace = $1 AND bundle_key = $2 AND released_at IS NULL AND expires_at > $3
ORDER BY id DESC
LIMIT 1
