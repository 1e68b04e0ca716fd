SELECT id, name, iso(created_at) AS created_at FROM workspaces ORDER BY created_at, id
