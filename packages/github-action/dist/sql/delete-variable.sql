DELETE FROM dataset_variables WHERE workspace = :workspace AND id = :id
