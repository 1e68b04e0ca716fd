INSERT INTO workspaces (id, name, created_at) VALUES (:id, :name, :created_at)
