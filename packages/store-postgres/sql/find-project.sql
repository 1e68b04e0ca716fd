SELECT {{project-record}} FROM projects p WHERE p.workspace = :workspace AND p.name = :name AND p.version = :version
