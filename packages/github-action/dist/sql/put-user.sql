INSERT INTO users (workspace, id, name, email, role, created_at)
VALUES (:workspace, :id, :name, :email, :role, :created_at)
ON CONFLICT (workspace, id) DO UPDATE
SET name = excluded.name, email = excluded.email, role = excluded.role, created_at = excluded.created_at
