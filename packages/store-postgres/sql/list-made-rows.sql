-- A page of a workspace's made rows, newest first, optionally of one state, pool or origin.
SELECT * FROM made_rows
WHERE workspace = :workspace
  AND (:state::text IS NULL OR state = :state)
  AND (:pool::text IS NULL OR pool = :pool)
  AND (:origin::text IS NULL OR origin = :origin)
ORDER BY created_at DESC, row_key DESC
LIMIT :limit OFFSET :offset
