INSERT INTO users (workspace, id, name, email, role, created_at, active, super_user, password, two_factor)
VALUES (:workspace, :id, :name, :email, :role, :created_at, :active, :super_user, :password::jsonb,
  :two_factor::jsonb)
ON CONFLICT (workspace, id) DO UPDATE
SET name = excluded.name, email = excluded.email, role = excluded.role, created_at = excluded.created_at,
  active = excluded.active, super_user = excluded.super_user, password = excluded.password,
  two_factor = excluded.two_factor
