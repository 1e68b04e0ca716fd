-- A page of a workspace's job states as the model has them, newest first.
SELECT json_build_object(
  'workspace', workspace,
  'id', id,
  'phase', phase,
  'server', server,
  'createdUser', created_user,
  'keyId', key_id,
  'tests', tests,
  'progress', progress,
  'answeredBy', answered_by,
  'error', error,
  'createdAt', iso(created_at),
  'updatedAt', iso(updated_at)
) AS state
FROM job_states
WHERE workspace = :workspace
ORDER BY id DESC
LIMIT :limit OFFSET :offset
