-- Creates or replaces a key; revoking is replacing with revoked_at set.
INSERT INTO api_keys (id, workspace, name, role, secret_hash, user_id, created_at, revoked_at)
VALUES (:id, :workspace, :name, :role, :secret_hash, :user_id, :created_at, :revoked_at)
ON CONFLICT (id) DO UPDATE
SET workspace = excluded.workspace, name = excluded.name, role = excluded.role, secret_hash = excluded.secret_hash,
    user_id = excluded.user_id, created_at = excluded.created_at, revoked_at = excluded.revoked_at
