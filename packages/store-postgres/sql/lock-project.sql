-- The project to change, locked until the change commits: changes take turns.
SELECT {{project-record}} FROM projects p WHERE p.workspace = :workspace AND p.id = :id FOR UPDATE
