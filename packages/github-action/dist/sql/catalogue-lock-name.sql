-- Makes changes of one name (put, lock, unlock, delete) take turns until the
-- transaction ends, on every replica: a put reads the latest version and
-- inserts the next one without another change in between.
SELECT pg_advisory_xact_lock(hashtextextended(:name_key, 0))
