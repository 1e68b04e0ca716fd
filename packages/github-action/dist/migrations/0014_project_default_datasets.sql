-- Every project has its Default dataset from its creation: the project's
-- insert writes it. Projects created before that (whose Default was
-- written on their first use) get theirs here, in project order, numbered
-- by their workspace's dataset counter, so that no read has to write one.
INSERT INTO datasets (workspace, id, project, name, is_default)
SELECT p.workspace, next_workspace_id(p.workspace, 'dataset'), p.id, 'Default', true
FROM (
  SELECT p.workspace, p.id FROM projects p
  WHERE NOT EXISTS (
    SELECT 1 FROM datasets d WHERE d.workspace = p.workspace AND d.project = p.id AND d.is_default
  )
  ORDER BY p.workspace, p.id
) p
ON CONFLICT DO NOTHING;
