-- Numbered in the same statement: a create that fails on the unique name
-- and version rolls its number back with it. The project's Default dataset
-- is written by the same statement, so no project is ever seen without it
-- (its foreign key is checked at the statement's end, when the project is
-- there).
WITH p AS (
  INSERT INTO projects (workspace, id, name, version, description, tags, members,
    created_by, created_at, updated_at)
  VALUES (:workspace, next_workspace_id(:workspace, 'project'), :name, :version, :description,
    :tags::jsonb, :members::json, :created_by, :created_at, :updated_at)
  RETURNING *
), default_dataset AS (
  INSERT INTO datasets (workspace, id, project, name, is_default)
  SELECT p.workspace, next_workspace_id(p.workspace, 'dataset'), p.id, :default_dataset, true
  FROM p
)
SELECT {{project-record}} FROM p
