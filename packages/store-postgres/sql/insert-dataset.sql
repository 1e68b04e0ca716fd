-- Numbered in the same statement: an insert that fails on the unique name
-- rolls its number back with it.
INSERT INTO datasets (workspace, id, project, name, is_default)
VALUES (:workspace, next_workspace_id(:workspace, 'dataset'), :project, :name, false)
RETURNING id
