SELECT {{project-record}} FROM projects p WHERE p.workspace = $1 AND p.name = $2 AND p.version = $3
