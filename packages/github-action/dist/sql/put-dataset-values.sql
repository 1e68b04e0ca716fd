-- Only variables of the dataset's own project take values: the caller
-- compares the count written with the count given.
INSERT INTO dataset_values (workspace, dataset, variable, value)
SELECT :workspace, :dataset, dv.id, e.value
FROM jsonb_each_text(:values::jsonb) e
JOIN dataset_variables dv
  ON dv.workspace = :workspace AND dv.project = :project AND dv.id::text = e.key
ON CONFLICT (workspace, dataset, variable) DO UPDATE SET value = excluded.value
