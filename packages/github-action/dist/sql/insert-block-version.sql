-- The metadata of a new version; its rows follow with insert-block-rows.
INSERT INTO block_versions
  (workspace, block, version, seq, columns, key_column, row_count, origin, parent, lineage, source_hash, job_id, created_at)
VALUES (:workspace, :block, :version, :seq, :columns::json, :key_column, :row_count, :origin, :parent,
  :lineage, :source_hash, :job_id, :created_at)
