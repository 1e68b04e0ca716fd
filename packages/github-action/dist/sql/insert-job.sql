INSERT INTO jobs (id, workspace, bundle_key, state, namespace, created_at, expires_at, released_at, allocated, made, cached, failed)
VALUES (:id, :workspace, :bundle_key, :state, :namespace, :created_at, :expires_at, NULL,
  :allocated, :made, :cached, :failed)
