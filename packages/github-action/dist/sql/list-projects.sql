SELECT {{project-record}} FROM projects p WHERE p.workspace = $1 ORDER BY p.id LIMIT $2 OFFSET $3
