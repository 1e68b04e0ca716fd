-- Deletes one version of a name, or all of them when :version is NULL.
DELETE FROM catalogue
WHERE workspace = :workspace AND kind = :kind AND project IS NOT DISTINCT FROM :project
  AND name = :name AND (:version::text IS NULL OR version = :version)
