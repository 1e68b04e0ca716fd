SELECT workspace, id, name, email, role, iso(created_at) AS created_at FROM users WHERE workspace = :workspace AND id = :id
