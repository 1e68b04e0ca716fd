SELECT {{project-record}} FROM projects p WHERE p.workspace = :workspace AND p.id = :id
