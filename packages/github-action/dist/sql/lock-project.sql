-- The project to change, locked until the change commits: changes take turns.
SELECT {{project-record}} FROM projects p WHERE p.workspace = $1 AND p.id = $2 FOR UPDATE
