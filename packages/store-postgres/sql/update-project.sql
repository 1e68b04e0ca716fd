UPDATE projects
SET name = :name, version = :version, description = :description, tags = :tags::jsonb,
  members = :members::json, updated_at = :updated_at
WHERE workspace = :workspace AND id = :id
