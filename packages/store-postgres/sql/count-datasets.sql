SELECT count(*)::int AS count FROM datasets WHERE workspace = :workspace AND project = :project
