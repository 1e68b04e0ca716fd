-- The metadata of a new version; its rows follow with insert-block-rows.
INSERT INTO block_versions
  (workspace, block, version, seq, columns, key_column, row_count, origin, parent, lineage, source_hash, job_id, created_at)
VALUES ($1, $2, $3, $4, $5::json, $6, $7, $8, $9, $10, $11, $12, $13)
