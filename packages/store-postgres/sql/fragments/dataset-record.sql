json_build_object(
  'id', d.id,
  'workspace', d.workspace,
  'project', d.project,
  'name', d.name,
  'isDefault', d.is_default,
  'values', coalesce(
    (SELECT json_object_agg(v.variable::text, v.value)
       FROM dataset_values v WHERE v.workspace = d.workspace AND v.dataset = d.id),
    '{}'::json)
) AS record
