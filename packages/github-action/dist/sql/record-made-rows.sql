-- Records made rows (:rows: JSON array of made-row objects); a row already recorded stays as it is.
INSERT INTO made_rows (workspace, block, row_key, pool, suite, test, columns, row_values, server,
  teardown, origin, job_id, expires_at, state, attempts, created_at, updated_at)
SELECT r.workspace, r.block, r.row_key, r.pool, r.suite, r.test, r.columns, r.row_values, r.server,
  r.teardown, r.origin, r.job_id, r.expires_at,
  CASE WHEN r.teardown IS NULL THEN 'kept' ELSE 'held' END, 0, :now, :now
FROM jsonb_to_recordset(:rows::jsonb) AS r(workspace text, block text, row_key text, pool text,
  suite text, test text, columns jsonb, row_values jsonb, server text, teardown jsonb, origin text,
  job_id bigint, expires_at timestamptz)
ON CONFLICT (workspace, block, row_key) DO NOTHING
