-- A job's revision, and its record only when it differs from the revision
-- the caller has kept (:kept_revision, null for none): re-reading a job of
-- thousands of tests costs one short row while it has not changed.
SELECT revision, CASE WHEN revision IS DISTINCT FROM :kept_revision::integer THEN record END AS record
FROM job_records
WHERE workspace = :workspace AND id = :id
