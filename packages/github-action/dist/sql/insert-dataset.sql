-- A dataset and its values in one statement, numbered in it too: the
-- insert happens only when every value names a variable of the project
-- (:variables, the number of values given), so a statement that writes
-- nothing names an unknown variable; a name that exists fails on the
-- unique index and rolls its number back with it.
WITH given AS (
  SELECT e.key, e.value FROM jsonb_each_text(:values::jsonb) e
), known AS (
  SELECT g.key, g.value, dv.id AS variable
  FROM given g
  JOIN dataset_variables dv
    ON dv.workspace = :workspace AND dv.project = :project AND dv.id::text = g.key
), dataset AS (
  INSERT INTO datasets (workspace, id, project, name, is_default)
  SELECT :workspace, next_workspace_id(:workspace, 'dataset'), :project, :name, false
  WHERE (SELECT count(*) FROM known) = :variables
  RETURNING id
), written AS (
  INSERT INTO dataset_values (workspace, dataset, variable, value)
  SELECT :workspace, d.id, k.variable, k.value FROM dataset d CROSS JOIN known k
  RETURNING 1
)
SELECT d.id, (SELECT count(*) FROM written) AS written FROM dataset d
