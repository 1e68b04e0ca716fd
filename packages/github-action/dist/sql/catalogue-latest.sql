-- The latest version of a name, or :version when it is given.
SELECT catalogue_record(c) AS record, c.body_bytes
FROM catalogue c
WHERE workspace = :workspace AND kind = :kind AND project IS NOT DISTINCT FROM :project
  AND name = :name AND (:version::text IS NULL OR version = :version)
ORDER BY version_parts DESC
LIMIT 1
