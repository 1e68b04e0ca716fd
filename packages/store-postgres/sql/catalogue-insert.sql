-- A new version, as core planned it; :body_bytes for a body of bytes (then :body is null).
INSERT INTO catalogue (workspace, kind, project, name, version, version_parts, id, body, body_bytes,
  created_by, created_at, updated_by, updated_at, lock_holder, lock_since, lock_timeout_seconds)
VALUES (:workspace, :kind, :project, :name, :version, :version_parts, :id, :body::jsonb, :body_bytes,
  :created_by, :created_at, :updated_by, :updated_at, :lock_holder, :lock_since, :lock_timeout_seconds)
