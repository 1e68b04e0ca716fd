-- Held rows whose job's leases lapsed become due, in every workspace.
UPDATE made_rows SET state = 'due', updated_at = :now
WHERE state = 'held' AND teardown IS NOT NULL AND expires_at <= :now
RETURNING *
