UPDATE dataset_variables AS v SET name = :name WHERE v.workspace = :workspace AND v.id = :id
RETURNING {{variable-record}}
