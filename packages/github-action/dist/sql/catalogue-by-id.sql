-- The latest version carrying an id (ids are kept across versions put with
-- keepId), or :version when it is given.
SELECT catalogue_record(c) AS record, c.body_bytes
FROM catalogue c
WHERE workspace = :workspace AND id = :id AND (:version::text IS NULL OR version = :version)
ORDER BY version_parts DESC
LIMIT 1
