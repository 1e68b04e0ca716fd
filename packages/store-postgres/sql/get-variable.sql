SELECT {{variable-record}} FROM dataset_variables v WHERE v.workspace = :workspace AND v.id = :id
