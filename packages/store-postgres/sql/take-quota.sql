-- Takes one make from a quota's window: a later window starts afresh; a full window grants nothing
-- (no row comes back). One statement, so replicas taking at once queue on the bucket's row.
INSERT INTO quota_windows AS q (bucket, window_start, used) VALUES (:bucket, :window_start, 1)
ON CONFLICT (bucket) DO UPDATE SET
  used = CASE WHEN q.window_start = excluded.window_start THEN q.used + 1 ELSE 1 END,
  window_start = excluded.window_start
WHERE q.window_start < excluded.window_start
  OR (q.window_start = excluded.window_start AND q.used < :limit)
RETURNING used
