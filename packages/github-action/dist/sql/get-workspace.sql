SELECT id, name, iso(created_at) AS created_at FROM workspaces WHERE id = :id
