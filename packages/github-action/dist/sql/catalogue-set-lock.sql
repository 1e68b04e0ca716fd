-- Sets (or clears) the lock of one version by compare-and-set: only while
-- the lock is still the one the caller read (:seen_*), so a change that
-- came in between updates nothing. (workspace, id, version) names one row.
UPDATE catalogue
SET lock_holder = :holder, lock_since = :since, lock_timeout_seconds = :timeout_seconds
WHERE workspace = :workspace AND id = :id AND version = :version
  AND lock_holder IS NOT DISTINCT FROM :seen_holder
  AND lock_since IS NOT DISTINCT FROM :seen_since::timestamptz
