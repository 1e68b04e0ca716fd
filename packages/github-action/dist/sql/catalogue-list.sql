-- A page of one kind's records, in the order every adapter lists in:
-- no project first, then project, name (by code point) and version.
SELECT catalogue_record(c) AS record, c.body_bytes
FROM catalogue c
WHERE workspace = :workspace AND kind = :kind
  AND (:any_project OR project IS NOT DISTINCT FROM :project)
  AND (:name_prefix::text IS NULL OR starts_with(name, :name_prefix))
  AND (NOT :latest_only OR NOT EXISTS (
    SELECT 1 FROM catalogue n
    WHERE n.workspace = c.workspace AND n.kind = c.kind AND n.project IS NOT DISTINCT FROM c.project
      AND n.name = c.name AND n.version_parts > c.version_parts))
ORDER BY project COLLATE "C" NULLS FIRST, name COLLATE "C", version_parts
LIMIT :limit OFFSET :offset
