SELECT {{variable-record}} FROM dataset_variables v
WHERE v.workspace = :workspace AND v.project = :project ORDER BY v.id
