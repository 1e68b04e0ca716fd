INSERT INTO dataset_variables AS v (workspace, id, project, name)
VALUES (:workspace, next_workspace_id(:workspace, 'variable'), :project, :name)
RETURNING {{variable-record}}
