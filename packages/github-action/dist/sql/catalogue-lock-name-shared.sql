-- Holds a name a put requires (a version its body names) until the
-- transaction ends: puts that require it share the hold, a delete of the
-- name (which takes it whole) waits for them or they for it.
SELECT pg_advisory_xact_lock_shared(hashtextextended(:name_key, 0))
