INSERT INTO pools (workspace, name, definition)
VALUES ($1, $2, $3::json)
ON CONFLICT (workspace, name) DO UPDATE SET definition = excluded.definition
