SELECT {{project-record}} FROM projects p WHERE p.workspace = $1 AND p.id = $2
