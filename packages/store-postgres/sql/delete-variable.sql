-- Deletes a variable (its values go by the foreign key); returns it as it was, for its event.
DELETE FROM dataset_variables AS v WHERE v.workspace = :workspace AND v.id = :id
RETURNING {{variable-record}}
