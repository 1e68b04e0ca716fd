-- A job's state as the model has it.
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
WHERE workspace = :workspace AND id = :id
