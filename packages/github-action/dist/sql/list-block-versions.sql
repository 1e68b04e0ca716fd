-- Every version of one block, oldest first.
SELECT block, version, columns, key_column, row_count, origin, parent, lineage, source_hash, job_id, iso(created_at) AS created_at
FROM block_versions
WHERE workspace = :workspace AND block = :block
ORDER BY seq
