-- The newest live job of a bundle; its record is read with get-job.
SELECT id
FROM jobs
WHERE workspace = :workspace AND bundle_key = :bundle_key AND released_at IS NULL AND expires_at > :now
ORDER BY id DESC
LIMIT 1
