json_build_object(
  'id', p.id,
  'workspace', p.workspace,
  'name', p.name,
  'version', p.version,
  'description', p.description,
  'tags', p.tags,
  'members', p.members,
  'createdBy', p.created_by,
  'createdAt', iso(p.created_at),
  'updatedAt', iso(p.updated_at)
) AS record
