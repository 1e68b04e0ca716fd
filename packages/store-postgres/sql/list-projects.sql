SELECT {{project-record}} FROM projects p WHERE p.workspace = :workspace ORDER BY p.id LIMIT :limit OFFSET :offset
