INSERT INTO pools (workspace, name, definition)
VALUES (:workspace, :name, :definition::json)
ON CONFLICT (workspace, name) DO UPDATE SET definition = excluded.definition
