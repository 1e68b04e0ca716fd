-- A new version, as core planned it.
INSERT INTO catalogue (workspace, kind, project, name, version, version_parts, id, body,
  created_by, created_at, updated_by, updated_at, lock_holder, lock_since, lock_timeout_seconds)
VALUES (:workspace, :kind, :project, :name, :version, :version_parts, :id, :body::jsonb,
  :created_by, :created_at, :updated_by, :updated_at, :lock_holder, :lock_since, :lock_timeout_seconds)
