-- Newest first; each filter applies when given (start inclusive, end exclusive).
SELECT id, workspace, kind, actor, ip, project, subject, iso(at) AS at, details
FROM events
WHERE workspace = :workspace
  AND (:from::timestamptz IS NULL OR at >= :from::timestamptz)
  AND (:to::timestamptz IS NULL OR at < :to::timestamptz)
  AND (:actor::text IS NULL OR actor = :actor::text)
  AND (:kind::text IS NULL OR kind = :kind::text)
  AND (:project::bigint IS NULL OR project = :project::bigint)
ORDER BY id DESC
LIMIT :limit OFFSET :offset
