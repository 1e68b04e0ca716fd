-- The latest version of every block of a workspace.
SELECT DISTINCT ON (block)
  block, version, columns, key_column, row_count, origin, parent, lineage, source_hash, job_id, iso(created_at) AS created_at
FROM block_versions
WHERE workspace = :workspace
ORDER BY block, seq DESC
