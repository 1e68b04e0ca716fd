INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)
