-- Numbered in the same statement: a create that fails on the unique name
-- and version rolls its number back with it.
INSERT INTO projects AS p (workspace, id, name, version, description, tags, members,
  created_by, created_at, updated_at)
VALUES (:workspace, next_workspace_id(:workspace, 'project'), :name, :version, :description,
  :tags::jsonb, :members::json, :created_by, :created_at, :updated_at)
RETURNING {{project-record}}
