-- Creates the Default dataset unless the project has one; a create racing
-- another hits the partial unique index, does nothing and returns no row,
-- and the caller reads the winner's.
INSERT INTO datasets (workspace, id, project, name, is_default)
SELECT :workspace, next_workspace_id(:workspace, 'dataset'), :project, :name, true
WHERE NOT EXISTS (
  SELECT 1 FROM datasets WHERE workspace = :workspace AND project = :project AND is_default
)
ON CONFLICT DO NOTHING
