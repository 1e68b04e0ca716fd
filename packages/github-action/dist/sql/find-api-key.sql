SELECT id, workspace, name, role, secret_hash, user_id, iso(created_at) AS created_at, iso(revoked_at) AS revoked_at
FROM api_keys
WHERE id = :id
