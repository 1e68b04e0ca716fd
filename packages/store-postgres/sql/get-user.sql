SELECT workspace, id, name, email, role, iso(created_at) AS created_at, active, super_user, password, two_factor
FROM users WHERE workspace = :workspace AND id = :id
