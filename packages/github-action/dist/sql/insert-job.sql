INSERT INTO jobs (id, workspace, bundle_key, state, namespace, created_at, expires_at, released_at, allocated, made, cached, failed)
VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10, $11)
