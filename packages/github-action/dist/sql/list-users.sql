SELECT workspace, id, name, email, role, iso(created_at) AS created_at FROM users WHERE workspace = $1 ORDER BY created_at, id
